package org.kubeplay.kube;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A manifest that cannot be played: carries every diagnostic of the file, errors and warnings, in
 * the order they were found.
 */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /** Creates the exception for {@code file} from its diagnostics, at least one an error. */
  public ManifestException(String file, List<Diagnostic> diagnostics) {
    this(file, diagnostics, null);
  }

  /** Creates the exception with the cause that made the file unreadable. */
  public ManifestException(String file, List<Diagnostic> diagnostics, Throwable cause) {
    super(summary(file, diagnostics), cause);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Returns all diagnostics of the file, errors and warnings. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Returns only the errors. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  private static String summary(String file, List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    String lines =
        diagnostics.stream()
            .filter(Diagnostic::isError)
            .map(Diagnostic::toString)
            .collect(Collectors.joining("\n"));
    return "reading manifest '" + file + "': " + errors + " error(s)\n" + lines;
  }
}
