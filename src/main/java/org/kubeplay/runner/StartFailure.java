package org.kubeplay.runner;

/**
 * The workload could not start; its message is what the unit's status shows.
 *
 * <p>{@code exitCode} is what the supervisor exits with: a failed container's own code, so that
 * {@code systemctl status} shows it, or 1.
 */
final class StartFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  StartFailure(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode < 1 || exitCode > 255 ? 1 : exitCode;
  }

  StartFailure(String message, Throwable cause) {
    this(message, 1, cause);
  }

  StartFailure(String message) {
    this(message, 1, null);
  }

  int exitCode() {
    return exitCode;
  }
}
