package org.freedesktop;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * Exceptions whose class names are the standard {@code org.freedesktop.DBus.Error.*} names that
 * kubeplayd answers with.
 *
 * <p>dbus-java names an error reply after the exception's class ({@code $} read as {@code .}), and
 * its own classes in {@code org.freedesktop.dbus.errors} would go on the wire under that lowercase
 * package name, which no client recognises. Only {@code org.kubeplay.agent.BusErrors} creates
 * these.
 */
public final class DBus {
  private DBus() {}

  /** The {@code org.freedesktop.DBus.Error} namespace. */
  public static final class Error {
    private Error() {}

    /** The caller may not do this. */
    public static final class AccessDenied extends DBusExecutionException {
      public AccessDenied(String message) {
        super(message);
      }
    }

    /** An argument or option is wrong. */
    public static final class InvalidArgs extends DBusExecutionException {
      public InvalidArgs(String message) {
        super(message);
      }
    }

    /** The method exists but does not work yet. */
    public static final class NotSupported extends DBusExecutionException {
      public NotSupported(String message) {
        super(message);
      }
    }

    /** A property cannot be set. */
    public static final class PropertyReadOnly extends DBusExecutionException {
      public PropertyReadOnly(String message) {
        super(message);
      }
    }

    /** No such property. */
    public static final class UnknownProperty extends DBusExecutionException {
      public UnknownProperty(String message) {
        super(message);
      }
    }

    /** No such interface on the object. */
    public static final class UnknownInterface extends DBusExecutionException {
      public UnknownInterface(String message) {
        super(message);
      }
    }

    /** Any other failure. */
    public static final class Failed extends DBusExecutionException {
      public Failed(String message) {
        super(message);
      }
    }
  }
}
