package org.kubeplay.notify;

import java.util.Objects;

/**
 * One {@code KEY=VALUE} line of an sd_notify datagram, as a closed set of types.
 *
 * <p>Each type checks its value in its constructor, so a message that exists is one systemd would
 * accept; {@link NotifyParser} turns lines that fail those checks into nothing.
 */
public sealed interface NotifyMessage {
  /** The line as it is sent, without its newline: {@code STATUS=serving}. */
  String toWire();

  /** {@code READY=1}: start-up is finished. */
  record Ready() implements NotifyMessage {
    @Override
    public String toWire() {
      return NotifyKey.READY.wireName() + "=1";
    }
  }

  /** {@code RELOADING=1}: the service is reloading its configuration. */
  record Reloading() implements NotifyMessage {
    @Override
    public String toWire() {
      return NotifyKey.RELOADING.wireName() + "=1";
    }
  }

  /** {@code STOPPING=1}: the service is shutting down. */
  record Stopping() implements NotifyMessage {
    @Override
    public String toWire() {
      return NotifyKey.STOPPING.wireName() + "=1";
    }
  }

  /** {@code STATUS=text}: a one-line status for people; an empty text clears it. */
  record Status(String text) implements NotifyMessage {
    public Status {
      requireOneLine(text, "status text");
    }

    @Override
    public String toWire() {
      return NotifyKey.STATUS.wireName() + "=" + text;
    }
  }

  /** {@code ERRNO=n}: the service failed with this errno. */
  record Errno(int errno) implements NotifyMessage {
    public Errno {
      if (errno < 0) {
        throw new IllegalArgumentException("errno " + errno + " is negative");
      }
    }

    @Override
    public String toWire() {
      return NotifyKey.ERRNO.wireName() + "=" + errno;
    }
  }

  /** {@code BUSERROR=name}: the service failed with this D-Bus error name. */
  record BusError(String name) implements NotifyMessage {
    public BusError {
      requireOneLine(name, "bus error name");
    }

    @Override
    public String toWire() {
      return NotifyKey.BUSERROR.wireName() + "=" + name;
    }
  }

  /** {@code MAINPID=pid}: the service's main process is this one. */
  record MainPid(long pid) implements NotifyMessage {
    public MainPid {
      if (pid <= 0 || pid > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("pid " + pid + " is not a valid process id");
      }
    }

    @Override
    public String toWire() {
      return NotifyKey.MAINPID.wireName() + "=" + pid;
    }
  }

  /** {@code WATCHDOG=1} or {@code WATCHDOG=trigger}. */
  record Watchdog(WatchdogAction action) implements NotifyMessage {
    public Watchdog {
      Objects.requireNonNull(action, "action");
    }

    @Override
    public String toWire() {
      return NotifyKey.WATCHDOG.wireName() + "=" + action.wireValue();
    }
  }

  /** {@code WATCHDOG_USEC=n}: the service's watchdog timeout, 0 to turn it off. */
  record WatchdogUsec(long usec) implements NotifyMessage {
    public WatchdogUsec {
      requireNotNegative(usec);
    }

    @Override
    public String toWire() {
      return NotifyKey.WATCHDOG_USEC.wireName() + "=" + usec;
    }
  }

  /** {@code EXTEND_TIMEOUT_USEC=n}: the current start or stop needs this much more time. */
  record ExtendTimeoutUsec(long usec) implements NotifyMessage {
    public ExtendTimeoutUsec {
      requireNotNegative(usec);
    }

    @Override
    public String toWire() {
      return NotifyKey.EXTEND_TIMEOUT_USEC.wireName() + "=" + usec;
    }
  }

  /** {@code BARRIER=1}: acknowledge by closing the fd that came with the datagram. */
  record Barrier() implements NotifyMessage {
    @Override
    public String toWire() {
      return NotifyKey.BARRIER.wireName() + "=1";
    }
  }

  /** {@code FDSTORE=1}: keep the fds that came with the datagram (not supported). */
  record FdStore() implements NotifyMessage {
    @Override
    public String toWire() {
      return NotifyKey.FDSTORE.wireName() + "=1";
    }
  }

  /** A line whose key kubeplay does not know, such as {@code FDNAME=} or a custom one. */
  record Unknown(String key, String value) implements NotifyMessage {
    public Unknown {
      requireOneLine(key, "key");
      requireOneLine(value, "value");
      if (key.isEmpty() || key.indexOf('=') >= 0) {
        throw new IllegalArgumentException("key '" + key + "' is empty or holds '='");
      }
    }

    @Override
    public String toWire() {
      return key + "=" + value;
    }
  }

  private static void requireOneLine(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " '" + text + "' holds a newline or NUL");
    }
  }

  private static void requireNotNegative(long usec) {
    if (usec < 0) {
      throw new IllegalArgumentException("microseconds " + usec + " are negative");
    }
  }
}
