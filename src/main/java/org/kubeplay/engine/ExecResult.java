package org.kubeplay.engine;

import java.util.Objects;

/**
 * How a command run inside a container ended.
 *
 * @param exitCode the command's exit code (podman's own 125 to 127 when it could not run it), or
 *     {@link EngineException#NO_EXIT_CODE} when it timed out
 * @param output its stdout and stderr together, cut at {@link PodmanEngine#MAX_EXEC_OUTPUT}
 * @param timedOut whether it was still running at its deadline
 */
public record ExecResult(int exitCode, String output, boolean timedOut) {
  public ExecResult {
    Objects.requireNonNull(output, "output");
  }

  /** Whether the command exited 0 in time, as a probe passes. */
  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }
}
