package org.kubeplay.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jnr.ffi.Pointer;

/**
 * Sends the process's own sd_notify messages to the socket that {@code $NOTIFY_SOCKET} names, as
 * sd_notify(3) does; without that variable every call does nothing.
 *
 * <p>Each call sends one datagram from a socket of its own, so the client holds no fd and may be
 * shared between threads.
 */
public final class NotifyClient {
  /** The variable through which the service manager passes its socket. */
  public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";

  private final Optional<UnixAddress> address;

  private NotifyClient(Optional<UnixAddress> address) {
    this.address = address;
  }

  /** A client for this process's {@code $NOTIFY_SOCKET}. */
  public static NotifyClient fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * A client for the socket that {@code NOTIFY_SOCKET} names in {@code environment}: an absolute
   * path or an {@code @} abstract name; a client that does nothing if it is unset or empty.
   *
   * @throws IllegalArgumentException if the variable holds any other kind of address
   */
  public static NotifyClient fromEnvironment(Map<String, String> environment) {
    String value = environment.getOrDefault(NOTIFY_SOCKET, "");
    if (value.isEmpty()) {
      return new NotifyClient(Optional.empty());
    }
    try {
      return new NotifyClient(Optional.of(UnixAddress.parse(value)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("reading " + NOTIFY_SOCKET + ": " + e.getMessage(), e);
    }
  }

  /** A client for the given socket. */
  public static NotifyClient to(UnixAddress address) {
    return new NotifyClient(Optional.of(Objects.requireNonNull(address, "address")));
  }

  /** The socket messages go to, or empty if they go nowhere. */
  public Optional<UnixAddress> address() {
    return address;
  }

  /** Sends the messages as the lines of one datagram, so the manager sees them at once. */
  public void send(NotifyMessage... messages) throws IOException {
    send(Arrays.asList(messages));
  }

  /** Sends the messages as the lines of one datagram, so the manager sees them at once. */
  public void send(List<NotifyMessage> messages) throws IOException {
    if (address.isEmpty() || messages.isEmpty()) {
      return;
    }
    String text = messages.stream().map(NotifyMessage::toWire).collect(Collectors.joining("\n"));
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    if (payload.length > NotifySocket.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "notify datagram of "
              + payload.length
              + " bytes exceeds the "
              + NotifySocket.MAX_PAYLOAD_BYTES
              + " that a service manager reads");
    }
    sendWithFds(payload);
  }

  /**
   * Waits until the manager has read every message sent before, as sd_notify_barrier(3) does: sends
   * {@code BARRIER=1} with the write end of a pipe and waits for the manager to close it.
   *
   * @throws TimeoutException if the manager did not close it within {@code timeout}
   */
  public void barrier(Duration timeout) throws IOException, TimeoutException {
    if (address.isEmpty()) {
      return;
    }
    int[] pipe = new int[2];
    Libc.check(Libc.C.pipe2(pipe, Libc.O_CLOEXEC), "creating barrier pipe");
    try {
      byte[] payload = new NotifyMessage.Barrier().toWire().getBytes(StandardCharsets.UTF_8);
      sendWithFds(payload, pipe[1]);
      // Our own write end must go, or the read end could never see the hang-up.
      Libc.closeQuietly(pipe[1]);
      pipe[1] = -1;
      awaitHangUp(pipe[0], timeout);
    } finally {
      Libc.closeQuietly(pipe[0]);
      Libc.closeQuietly(pipe[1]);
    }
  }

  private void sendWithFds(byte[] payload, int... fds) throws IOException {
    try (DatagramSender sender = DatagramSender.open()) {
      sender.send(address.orElseThrow(), payload, fds);
    }
  }

  private void awaitHangUp(int fd, Duration timeout) throws IOException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Pointer pollfd = Libc.allocate(Libc.POLLFD_SIZE);
    pollfd.putInt(0, fd);
    // POLLHUP is always reported; asking for nothing else keeps poll from waking on data.
    pollfd.putShort(4, (short) 0);
    while (true) {
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime() + 999_999);
      int ready = Libc.C.poll(pollfd, 1, (int) Math.max(0, Math.min(remaining, Integer.MAX_VALUE)));
      if (ready > 0) {
        return;
      }
      if (ready == 0) {
        throw new TimeoutException(
            "waiting for notify socket '"
                + address.orElseThrow()
                + "' to acknowledge a barrier: no answer within "
                + timeout.toMillis()
                + " ms");
      }
      if (Libc.errno() != Libc.EINTR) {
        throw Libc.failure("waiting for a barrier on '" + address.orElseThrow() + "'");
      }
    }
  }
}
