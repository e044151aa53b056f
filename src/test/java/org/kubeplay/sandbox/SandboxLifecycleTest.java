package org.kubeplay.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/sandbox itself, run as root on the host (scripts/test runs these before the integration
 * tests): it passes COMMAND's exit code on, and leaves no process, mount or cgroup behind, also
 * when COMMAND fails or the sandbox is interrupted.
 */
@Tag("host")
class SandboxLifecycleTest {
  private static final Path SANDBOX = Path.of("scripts/sandbox").toAbsolutePath();
  private static final long DEADLINE_SECONDS = 120;

  @TempDir Path temp;

  @Test
  void commandExitCodeIsPassedOnAndNothingIsLeft() throws Exception {
    Path info = temp.resolve("info");

    int code = run(info, "bash", "-c", "exit 7");

    assertEquals(7, code);
    assertNothingLeft(info);
  }

  @Test
  void shellAndUnitsShareOnePodmanStore() throws Exception {
    String script =
        "podman tag \"$KUBEPLAY_TEST_IMAGE\" localhost/shared-store-check:latest"
            + " && systemd-run --user --wait --quiet podman image exists"
            + " localhost/shared-store-check:latest";

    int code = run(temp.resolve("info"), "bash", "-c", script);

    assertEquals(0, code);
  }

  @Test
  void interruptedSandboxStopsEverything() throws Exception {
    Path info = temp.resolve("info");
    Path started = temp.resolve("started");
    Process sandbox = start(info, "bash", "-c", "touch " + started + "; exec sleep 600");
    awaitFile(started, sandbox);

    sandbox.destroy(); // SIGTERM, as systemd or a person would send it

    assertTrue(sandbox.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "sandbox still running");
    assertEquals(143, sandbox.exitValue());
    assertNothingLeft(info);
  }

  private static void assertNothingLeft(Path infoFile) throws IOException {
    Properties info = new Properties();
    try (var reader = Files.newBufferedReader(infoFile)) {
      info.load(reader);
    }
    assertFalse(anyProcessIn("pid", info.getProperty("pidns")), "a process is left");
    assertFalse(anyProcessIn("mnt", info.getProperty("mntns")), "the mount namespace is left");
    for (String hierarchy : List.of("systemd", "unified")) {
      Path cgroup = Path.of("/sys/fs/cgroup", hierarchy, info.getProperty("cgroup"));
      assertFalse(Files.exists(cgroup), cgroup + " is left");
    }
  }

  /** Whether any process of the host is in the namespace named like "pid:[4026532]". */
  private static boolean anyProcessIn(String kind, String namespace) throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .anyMatch(p -> namespace.equals(readLink(p.resolve("ns").resolve(kind))));
    }
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return ""; // the process ended, or is not ours to read
    }
  }

  private static int run(Path info, String... command) throws Exception {
    Process sandbox = start(info, command);
    assertTrue(sandbox.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "sandbox did not end");
    return sandbox.exitValue();
  }

  private static Process start(Path info, String... command) throws IOException {
    var args = new java.util.ArrayList<String>(List.of(SANDBOX.toString()));
    args.addAll(List.of(command));
    var builder = new ProcessBuilder(args).inheritIO();
    builder.environment().putAll(Map.of("KUBEPLAY_SANDBOX_INFO", info.toString()));
    return builder.start();
  }

  private static void awaitFile(Path file, Process sandbox) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (!Files.exists(file)) {
      assertTrue(sandbox.isAlive(), "sandbox ended before its command started");
      assertTrue(System.nanoTime() < end, "sandbox command did not start");
      Thread.sleep(20);
    }
  }
}
