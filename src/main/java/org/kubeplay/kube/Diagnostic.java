package org.kubeplay.kube;

import java.util.Objects;

/**
 * One finding about a manifest: where it is (file, 1-based line and column, field path) and what is
 * wrong.
 *
 * <p>A line of 0 means the finding has no position in the text (the file cannot be read, or is too
 * large); the path is empty when the finding is not about one field.
 */
public record Diagnostic(
    String file, int line, int column, String path, String message, Severity severity) {
  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  /** Returns true for an error, false for a warning. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Formats the diagnostic the way compilers do: {@code web.yaml:14:9: spec.x: message}, with
   * {@code warning: } after the location for a warning.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line).append(':').append(column);
    }
    text.append(": ");
    if (severity == Severity.WARNING) {
      text.append("warning: ");
    }
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    return text.append(message).toString();
  }
}
