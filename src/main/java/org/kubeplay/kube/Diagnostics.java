package org.kubeplay.kube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the diagnostics of one file while it is read; not thread-safe. */
final class Diagnostics {
  private final String file;
  private final List<Diagnostic> found = new ArrayList<>();

  Diagnostics(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void error(Node at, String path, String message) {
    add(at.getStartMark(), path, message, Severity.ERROR);
  }

  void warning(Node at, String path, String message) {
    add(at.getStartMark(), path, message, Severity.WARNING);
  }

  void error(Mark at, String path, String message) {
    add(at, path, message, Severity.ERROR);
  }

  /** Records an error that has no position in the text. */
  void fileError(String message) {
    found.add(new Diagnostic(file, 0, 0, "", message, Severity.ERROR));
  }

  boolean hasErrors() {
    return found.stream().anyMatch(Diagnostic::isError);
  }

  /** Returns every diagnostic in the order of the text (stable for the same position). */
  List<Diagnostic> all() {
    return found.stream()
        .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column))
        .toList();
  }

  List<Diagnostic> warnings() {
    return all().stream().filter(d -> !d.isError()).toList();
  }

  private void add(Mark at, String path, String message, Severity severity) {
    // snakeyaml counts from 0; editors and compilers count from 1.
    found.add(new Diagnostic(file, at.getLine() + 1, at.getColumn() + 1, path, message, severity));
  }
}
