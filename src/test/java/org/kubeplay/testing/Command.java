package org.kubeplay.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A finished external command of a test: exit code and output, with a bounded wait. */
public record Command(List<String> args, int exitCode, String stdout, String stderr) {
  private static final long TIMEOUT_SECONDS = 120;

  /** Runs the command to its end and returns what it printed. */
  public static Command run(List<String> args) {
    try {
      Process process =
          new ProcessBuilder(args).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
      process.getOutputStream().close();
      var stdout = process.getInputStream().readAllBytes();
      var stderr = process.getErrorStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", args));
      }
      return new Command(
          List.copyOf(args),
          process.exitValue(),
          new String(stdout, StandardCharsets.UTF_8),
          new String(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("running " + args, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + args, e);
    }
  }

  /** Runs the command given as separate words. */
  public static Command run(String... args) {
    return run(List.of(args));
  }

  /** Returns stdout, or fails the test with both streams when the command failed. */
  public String checked() {
    if (exitCode != 0) {
      fail(String.join(" ", args) + " exited " + exitCode + ":\n" + stderr + stdout);
    }
    return stdout;
  }

  static List<String> prepend(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(Arrays.asList(tail));
    return all;
  }

  private static java.io.File nullFile() {
    return new java.io.File("/dev/null");
  }
}
