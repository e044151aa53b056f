package org.kubeplay.update;

import java.util.List;

/**
 * What an auto-update run did: a row per container, and the errors that no row can carry (a unit
 * whose containers could not be listed, a container with an unknown policy).
 *
 * @param rows one per container with an auto-update policy, by unit and container name
 * @param errors lowercase context chains, one per failure outside the rows
 */
public record UpdateRun(List<UpdateRow> rows, List<String> errors) {
  public UpdateRun {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  /** Whether anything failed or was rolled back: the run should exit non-zero. */
  public boolean failed() {
    return !errors.isEmpty() || rows.stream().anyMatch(row -> row.updated().isFailure());
  }

  /** The exit code of a command that made this run: 0, or 1 when it failed. */
  public int exitCode() {
    return failed() ? 1 : 0;
  }
}
