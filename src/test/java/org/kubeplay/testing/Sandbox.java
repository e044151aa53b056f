package org.kubeplay.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

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
    Instant end = Instant.now().plus(deadline);
    String value = unitProperty(unit, property);
    while (!condition.test(value)) {
      if (Instant.now().isAfter(end)) {
        fail(unit + " " + property + " is still '" + value + "' after " + deadline);
      }
      pause();
      value = unitProperty(unit, property);
    }
    return value;
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
