package org.kubeplay.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One program to run, with what it reads, how long it may take and where its output goes.
 *
 * @param command the program and its arguments, never passed through a shell
 * @param stdin the bytes written to its stdin, which is then closed
 * @param timeout how long it may run before it is killed, empty for no limit
 * @param streams whether stderr is kept apart from stdout or merged into it
 * @param outputLimit how many bytes of stdout are kept; the rest is read and dropped
 * @param stderrLines receives each stderr line as it arrives (progress), or does nothing
 */
record ProcessRequest(
    List<String> command,
    byte[] stdin,
    Optional<Duration> timeout,
    Streams streams,
    int outputLimit,
    Consumer<String> stderrLines) {
  ProcessRequest {
    command = List.copyOf(command);
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(stderrLines, "stderrLines");
    if (command.isEmpty() || outputLimit <= 0) {
      throw new IllegalArgumentException("a process needs a program and an output limit");
    }
  }

  /** Whether a program's stderr is read on its own or mixed into stdout. */
  enum Streams {
    SEPARATE,
    MERGED
  }
}
