package org.kubeplay.systemd;

/**
 * A call to systemd's manager failed; {@link #error()} says how, {@link #errorName()} gives the
 * D-Bus error name as systemd sent it.
 */
public final class SystemdException extends Exception {
  private final SystemdError error;
  private final String errorName;

  SystemdException(String message, SystemdError error, String errorName, Throwable cause) {
    super(message, cause);
    this.error = error;
    this.errorName = errorName == null ? "" : errorName;
  }

  SystemdException(String message, Throwable cause) {
    this(message, SystemdError.OTHER, "", cause);
  }

  /** Returns the kind of error, {@link SystemdError#OTHER} for names this package does not know. */
  public SystemdError error() {
    return error;
  }

  /** Returns the D-Bus error name, or the empty string when the failure was not a D-Bus error. */
  public String errorName() {
    return errorName;
  }
}
