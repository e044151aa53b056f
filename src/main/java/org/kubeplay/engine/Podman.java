package org.kubeplay.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Podman's command line: runs one podman command and turns its failures into exceptions. */
final class Podman {
  private static final System.Logger LOG = System.getLogger(Podman.class.getName());

  private final String program;
  private final ProcessRunner runner;

  Podman(String program, ProcessRunner runner) {
    this.program = Objects.requireNonNull(program, "program");
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * A command with podman's usual settings: separate streams, {@link PodmanEngine#COMMAND_TIMEOUT},
   * {@link PodmanEngine#MAX_OUTPUT}, no stdin.
   *
   * @param context what the command does, the start of any error message
   */
  Call call(String context, List<String> args) {
    return new Call(context, args);
  }

  /** Reads podman's answer, turning a malformed one into an engine error. */
  static <T> T parse(String context, Parser<T> parser) throws EngineException {
    try {
      return parser.parse();
    } catch (IOException | RuntimeException e) {
      throw new EngineException(
          context + ": reading podman's answer: " + e.getMessage(),
          List.of(),
          EngineException.NO_EXIT_CODE,
          "",
          e);
    }
  }

  /** Reads a value out of podman's output. */
  @FunctionalInterface
  interface Parser<T> {
    T parse() throws IOException;
  }

  /** One podman command, its settings changed step by step before it runs. */
  final class Call {
    private final String context;
    private final List<String> command;
    private byte[] stdin = new byte[0];
    private Optional<Duration> timeout = Optional.of(PodmanEngine.COMMAND_TIMEOUT);
    private ProcessRequest.Streams streams = ProcessRequest.Streams.SEPARATE;
    private int outputLimit = PodmanEngine.MAX_OUTPUT;
    private Consumer<String> progress = line -> {};

    private Call(String context, List<String> args) {
      this.context = context;
      this.command = new ArrayList<>(args.size() + 1);
      command.add(program);
      command.addAll(args);
    }

    Call stdin(byte[] bytes) {
      stdin = bytes;
      return this;
    }

    Call timeout(Duration value) {
      timeout = Optional.of(value);
      return this;
    }

    /** No deadline, for a call that lasts as long as a container or a pull does. */
    Call unbounded() {
      timeout = Optional.empty();
      return this;
    }

    /** Stderr mixed into stdout, so that lines keep their order. */
    Call merged() {
      streams = ProcessRequest.Streams.MERGED;
      return this;
    }

    Call outputLimit(int bytes) {
      outputLimit = bytes;
      return this;
    }

    Call progress(Consumer<String> lines) {
      progress = lines;
      return this;
    }

    /** Runs the command and returns how it ended, whatever its exit code. */
    ProcessResult result() throws EngineException {
      ProcessRequest request =
          new ProcessRequest(command, stdin, timeout, streams, outputLimit, progress);
      LOG.log(System.Logger.Level.DEBUG, "running {0}", PodmanArgs.display(command));
      try {
        return runner.run(request);
      } catch (IOException e) {
        throw new EngineException(
            context + ": running podman: " + e.getMessage(),
            command,
            EngineException.NO_EXIT_CODE,
            "",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineException(
            context + ": interrupted", command, EngineException.NO_EXIT_CODE, "", e);
      }
    }

    /** Runs a command that must exit 0. */
    ProcessResult checked() throws EngineException {
      ProcessResult result = result();
      if (result.exitCode() != 0) {
        throw failure(result);
      }
      return result;
    }

    /** Runs a command that must exit 0 and returns the first line it printed. */
    String firstLine() throws EngineException {
      return checked().stdout().strip().lines().findFirst().orElse("");
    }

    /** Runs an {@code exists} command: 0 is yes, a silent 1 is no, anything else a failure. */
    boolean exists() throws EngineException {
      ProcessResult result = result();
      boolean missing = result.exitCode() == 1 && result.stderr().isBlank();
      if (result.exitCode() != 0 && !missing) {
        throw failure(result);
      }
      return !missing;
    }

    /**
     * Runs an {@code inspect} command and returns its JSON, or empty when the object is missing:
     * podman then prints an empty array and exits 125.
     */
    Optional<String> inspect() throws EngineException {
      ProcessResult result = result();
      if (result.exitCode() == 0) {
        return Optional.of(result.stdout());
      }
      if (result.stdout().strip().equals("[]")) {
        return Optional.empty();
      }
      throw failure(result);
    }

    /** The error for a command that failed; a merged command's error is in its stdout. */
    EngineException failure(ProcessResult result) {
      String stderr = streams == ProcessRequest.Streams.MERGED ? result.stdout() : result.stderr();
      if (result.timedOut()) {
        String limit = timeout.map(Duration::toString).orElse("its deadline");
        return new EngineException(
            context + ": podman did not finish within " + limit,
            command,
            EngineException.NO_EXIT_CODE,
            stderr);
      }
      return EngineException.exited(context, command, result.exitCode(), stderr);
    }
  }
}
