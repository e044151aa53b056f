package org.kubeplay.engine;

import java.util.List;

/**
 * A podman command that failed: it exited non-zero, ran past its deadline, or could not start.
 *
 * <p>The message is a lowercase context chain such as {@code creating container 'web-server':
 * podman exited 125: Error: ...}; the full command line, podman's trimmed stderr and its exit code
 * stay available for callers that need them.
 */
public final class EngineException extends Exception {
  /** The exit code recorded when podman did not exit by itself (timeout, start failure). */
  public static final int NO_EXIT_CODE = -1;

  /** Longest stderr kept: podman's errors are one or two lines; a flood must not fill logs. */
  public static final int MAX_STDERR_CHARS = 4096;

  private static final long serialVersionUID = 1L;

  private final List<String> command;
  private final int exitCode;
  private final String stderr;

  EngineException(String message, List<String> command, int exitCode, String stderr) {
    this(message, command, exitCode, stderr, null);
  }

  EngineException(
      String message, List<String> command, int exitCode, String stderr, Throwable cause) {
    super(message, cause);
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.stderr = bounded(stderr);
  }

  /**
   * The failure of a command that exited with a non-zero code. The message carries podman's own
   * error, from its first line that starts with {@code Error:}: what comes before it is progress
   * and retry warnings, which stay in {@link #stderr()}.
   */
  static EngineException exited(String context, List<String> command, int code, String stderr) {
    String text = bounded(stderr);
    String error = errorPart(text);
    String detail = error.isEmpty() ? "" : ": " + error;
    return new EngineException(context + ": podman exited " + code + detail, command, code, text);
  }

  /** From podman's first {@code Error:} line on, or all of it when it has none. */
  static String errorPart(String stderr) {
    int at = stderr.indexOf("\nError:");
    return stderr.startsWith("Error:") || at < 0 ? stderr : stderr.substring(at + 1);
  }

  /** The command line that failed, program first. */
  public List<String> command() {
    return command;
  }

  /** Podman's exit code, or {@link #NO_EXIT_CODE} when it did not exit by itself. */
  public int exitCode() {
    return exitCode;
  }

  /** Podman's stderr, trimmed and cut at {@link #MAX_STDERR_CHARS}. */
  public String stderr() {
    return stderr;
  }

  private static String bounded(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.length() <= MAX_STDERR_CHARS) {
      return trimmed;
    }
    return trimmed.substring(0, MAX_STDERR_CHARS) + "...";
  }
}
