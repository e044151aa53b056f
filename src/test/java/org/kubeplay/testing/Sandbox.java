package org.kubeplay.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What integration tests see of {@code scripts/sandbox}: its environment, and the real systemctl
 * and podman in it. A test run outside the sandbox fails instead of skipping, since CI must run
 * every test.
 */
public final class Sandbox {
  private Sandbox() {}

  /** Fails the calling test unless it runs inside {@code scripts/sandbox}. */
  public static void require() {
    if (!"1".equals(System.getenv("KUBEPLAY_SANDBOX"))) {
      fail("integration tests run inside scripts/sandbox (scripts/test does that)");
    }
  }

  /** The folder on the user manager's unit path where tests may write units. */
  public static Path unitDir() {
    require();
    return Path.of(System.getenv("KUBEPLAY_TEST_UNIT_DIR"));
  }

  /** The locally built image with busybox and systemd-notify. */
  public static String testImage() {
    require();
    return System.getenv("KUBEPLAY_TEST_IMAGE");
  }

  /** Writes a unit file into {@link #unitDir()} and makes the user manager read it. */
  public static Path writeUnit(String name, String text) throws IOException {
    Path file = unitDir().resolve(name);
    Files.writeString(file, text);
    systemctl("daemon-reload");
    return file;
  }

  /** Runs {@code systemctl --user ARGS} and returns its output; fails on a non-zero exit. */
  public static String systemctl(String... args) {
    return Command.run(Command.prepend(List.of("systemctl", "--user"), args)).checked();
  }

  /** One property of a unit, as {@code systemctl --user show --value} prints it. */
  public static String unitProperty(String unit, String property) {
    return systemctl("show", "--value", "--property=" + property, unit).strip();
  }

  /** Polls a unit property until it satisfies the condition, or fails after the deadline. */
  public static String awaitUnitProperty(
      String unit, String property, Predicate<String> condition, Duration deadline) {
    return await(unit + " " + property, () -> unitProperty(unit, property), condition, deadline);
  }

  /**
   * Polls {@code probe} until its value satisfies the condition and returns that value, or fails
   * after the deadline naming {@code what} and the last value seen.
   */
  public static <T> T await(
      String what, Supplier<T> probe, Predicate<T> condition, Duration deadline) {
    Instant end = Instant.now().plus(deadline);
    T value = probe.get();
    while (!condition.test(value)) {
      if (Instant.now().isAfter(end)) {
        fail(what + " is still '" + value + "' after " + deadline);
      }
      pause();
      value = probe.get();
    }
    return value;
  }

  /** Runs {@code podman ARGS} and returns its output; fails on a non-zero exit. */
  public static String podman(String... args) {
    return Command.run(Command.prepend(List.of("podman"), args)).checked();
  }

  /** The last lines that the sandbox's units wrote, to explain a failed assertion. */
  public static String unitLogTail(int lines) {
    require();
    Path log = Path.of(System.getenv("KUBEPLAY_SANDBOX_STATE"), "log", "units.log");
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while polling", e);
    }
  }
}
