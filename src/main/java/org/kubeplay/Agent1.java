package org.kubeplay;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * Exceptions whose class names are kubeplayd's D-Bus error names, and nothing else.
 *
 * <p>dbus-java names the error reply of a failed method after the exception's class, with {@code $}
 * read as {@code .}: {@code org.kubeplay.Agent1$Error$Busy} goes on the wire as {@code
 * org.kubeplay.Agent1.Error.Busy}. It has no other way to set an error name, so these classes live
 * where their names put them. Only {@code org.kubeplay.agent.BusErrors} creates them, at the bus
 * boundary; everything else throws {@code AgentException}.
 */
public final class Agent1 {
  private Agent1() {}

  /** The {@code org.kubeplay.Agent1.Error} namespace. */
  public static final class Error {
    private Error() {}

    /** The YAML file does not validate; the message carries every diagnostic. */
    public static final class InvalidManifest extends DBusExecutionException {
      public InvalidManifest(String message) {
        super(message);
      }
    }

    /** No workload matches the file, unit or name given. */
    public static final class NoSuchWorkload extends DBusExecutionException {
      public NoSuchWorkload(String message) {
        super(message);
      }
    }

    /** The workload's unit job failed; the message carries the unit's Result and StatusText. */
    public static final class UnitFailed extends DBusExecutionException {
      public UnitFailed(String message) {
        super(message);
      }
    }

    /** The container engine failed. */
    public static final class EngineFailed extends DBusExecutionException {
      public EngineFailed(String message) {
        super(message);
      }
    }

    /** The workload has a job running, or the agent has too many calls waiting. */
    public static final class Busy extends DBusExecutionException {
      public Busy(String message) {
        super(message);
      }
    }
  }
}
