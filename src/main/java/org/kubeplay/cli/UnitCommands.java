package org.kubeplay.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.kubeplay.engine.PodmanEngine;
import org.kubeplay.runner.Runner;

/**
 * The two command lines a unit runs at every start and stop, {@code kubeplay run FILE} and {@code
 * kubeplay down FILE}, read without picocli. Its classes are compiled for Java 5, which class data
 * sharing cannot keep, and loading and verifying them would cost every workload's start and stop
 * about a tenth of a second. Any other form, with an option or without a file, goes to picocli and
 * gets its usual help and errors.
 */
final class UnitCommands {
  private UnitCommands() {}

  /** Runs {@code args} when they are one of the two unit command lines; empty otherwise. */
  static Optional<Integer> tryRun(String[] args, PrintWriter err) {
    if (args.length != 2 || !(args[0].equals("run") || args[0].equals("down"))) {
      return Optional.empty();
    }
    Optional<Path> file = plainPath(args[1]);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(args[0].equals("run") ? run(file.get(), err) : down(file.get(), err));
  }

  /** {@code kubeplay run FILE}, however its command line was read. */
  static int run(Path file, PrintWriter err) {
    return runner(err).run(file);
  }

  /** {@code kubeplay down FILE}, however its command line was read. */
  static int down(Path file, PrintWriter err) {
    return runner(err).down(file);
  }

  private static Runner runner(PrintWriter err) {
    return new Runner(new PodmanEngine(), System.getenv(), err);
  }

  private static Optional<Path> plainPath(String arg) {
    if (arg.isEmpty() || arg.startsWith("-")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(arg));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
