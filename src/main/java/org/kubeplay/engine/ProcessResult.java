package org.kubeplay.engine;

import java.util.Objects;

/**
 * How a program run by a {@link ProcessRunner} ended.
 *
 * @param exitCode its exit code, or {@link EngineException#NO_EXIT_CODE} when it timed out
 * @param stdout what it wrote to stdout (and stderr when merged), cut at the request's limit
 * @param stderr what it wrote to stderr, cut at {@link EngineException#MAX_STDERR_CHARS}
 * @param timedOut whether it was killed at its deadline
 */
record ProcessResult(int exitCode, String stdout, String stderr, boolean timedOut) {
  ProcessResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** A program that exited by itself. */
  static ProcessResult exited(int exitCode, String stdout, String stderr) {
    return new ProcessResult(exitCode, stdout, stderr, false);
  }
}
