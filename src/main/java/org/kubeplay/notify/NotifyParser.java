package org.kubeplay.notify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the text of an sd_notify datagram into messages: newline-separated {@code KEY=VALUE} lines,
 * keys matched exactly.
 *
 * <p>Nothing a sender writes is fatal: a line without {@code =}, with bytes that are not UTF-8 or
 * with a value its key does not allow ({@code READY=2}, {@code MAINPID=abc}) is left out with a
 * debug log, and the other lines still count.
 */
public final class NotifyParser {
  private static final System.Logger LOG = System.getLogger(NotifyParser.class.getName());

  /** A pid_t is a positive int. */
  private static final long MAX_PID = Integer.MAX_VALUE;

  private NotifyParser() {}

  /** The messages of a whole datagram, in the order of their lines. */
  public static List<NotifyMessage> parse(byte[] payload) {
    // systemd ignores a datagram with NUL bytes altogether rather than guess where it ends.
    for (byte b : payload) {
      if (b == 0) {
        LOG.log(System.Logger.Level.DEBUG, "notify datagram holds NUL bytes, ignoring");
        return List.of();
      }
    }
    List<NotifyMessage> messages = new ArrayList<>();
    int start = 0;
    while (start < payload.length) {
      int end = indexOfNewline(payload, start);
      parseLine(payload, start, end).ifPresent(messages::add);
      start = end + 1;
    }
    return messages;
  }

  /** The message of one line, or empty if the line says nothing kubeplay accepts. */
  public static Optional<NotifyMessage> parseLine(String line) {
    int equals = line.indexOf('=');
    if (equals < 0) {
      if (!line.isEmpty()) {
        LOG.log(System.Logger.Level.DEBUG, "notify line ''{0}'' has no ''='', ignoring", line);
      }
      return Optional.empty();
    }
    String key = line.substring(0, equals);
    String value = line.substring(equals + 1);
    if (key.isEmpty()) {
      LOG.log(System.Logger.Level.DEBUG, "notify line ''{0}'' has no key, ignoring", line);
      return Optional.empty();
    }
    Optional<NotifyMessage> message =
        NotifyKey.find(key)
            .map(known -> parseValue(known, value))
            .orElseGet(() -> Optional.of(new NotifyMessage.Unknown(key, value)));
    if (message.isEmpty()) {
      LOG.log(
          System.Logger.Level.DEBUG, "notify line ''{0}'' has an invalid value, ignoring", line);
    }
    return message;
  }

  private static int indexOfNewline(byte[] payload, int from) {
    for (int i = from; i < payload.length; i++) {
      if (payload[i] == '\n') {
        return i;
      }
    }
    return payload.length;
  }

  private static Optional<NotifyMessage> parseLine(byte[] payload, int start, int end) {
    try {
      String line =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload, start, end - start))
              .toString();
      return parseLine(line);
    } catch (CharacterCodingException e) {
      LOG.log(System.Logger.Level.DEBUG, "notify line is not UTF-8, ignoring");
      return Optional.empty();
    }
  }

  private static Optional<NotifyMessage> parseValue(NotifyKey key, String value) {
    return switch (key) {
      case READY -> onlyOne(value, new NotifyMessage.Ready());
      case RELOADING -> onlyOne(value, new NotifyMessage.Reloading());
      case STOPPING -> onlyOne(value, new NotifyMessage.Stopping());
      case BARRIER -> onlyOne(value, new NotifyMessage.Barrier());
      case FDSTORE -> onlyOne(value, new NotifyMessage.FdStore());
      case STATUS -> Optional.of(new NotifyMessage.Status(value));
      case BUSERROR -> Optional.of(new NotifyMessage.BusError(value));
      case ERRNO ->
          unsigned(value, Integer.MAX_VALUE).map(n -> new NotifyMessage.Errno(n.intValue()));
      case MAINPID -> unsigned(value, MAX_PID).filter(n -> n > 0).map(NotifyMessage.MainPid::new);
      case WATCHDOG -> WatchdogAction.find(value).map(NotifyMessage.Watchdog::new);
      case WATCHDOG_USEC -> unsigned(value, Long.MAX_VALUE).map(NotifyMessage.WatchdogUsec::new);
      case EXTEND_TIMEOUT_USEC ->
          unsigned(value, Long.MAX_VALUE).map(NotifyMessage.ExtendTimeoutUsec::new);
    };
  }

  /** Flags such as READY take the value 1 and nothing else. */
  private static Optional<NotifyMessage> onlyOne(String value, NotifyMessage message) {
    return value.equals("1") ? Optional.of(message) : Optional.empty();
  }

  /** A plain decimal number from 0 to max: ASCII digits only, no sign, spaces or base. */
  private static Optional<Long> unsigned(String value, long max) {
    if (value.isEmpty()
        || value.length() > 19
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return number <= max ? Optional.of(number) : Optional.empty();
  }
}
