package org.kubeplay.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The client as the main process of a Type=notify unit of a real {@code systemd --user}.
 *
 * <p>Runs in the project's sandbox, which sets DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR for the
 * manager's bus.
 */
@Tag("integration")
class NotifyClientSystemdTest {
  @Test
  void typeNotifyUnitIsActiveWithTheClientsStatus() throws Exception {
    assertNotNull(System.getenv("XDG_RUNTIME_DIR"), "XDG_RUNTIME_DIR must name the sandbox's");
    String unit = "kubeplay-notify-test-" + ProcessHandle.current().pid() + ".service";
    List<String> start =
        List.of(
            "systemd-run",
            "--user",
            "--unit=" + unit,
            "--property=Type=notify",
            "--property=TimeoutStartSec=60",
            javaCommand(),
            "-cp",
            testClassPath(),
            NotifyClientMain.class.getName(),
            "serving from java");
    try {
      assertEquals(0, run(start).exitCode());

      String state = property(unit, "ActiveState");
      String status = property(unit, "StatusText");

      assertEquals("active", state);
      assertEquals("serving from java", status);
    } finally {
      run(List.of("systemctl", "--user", "stop", unit));
    }
  }

  private static String property(String unit, String name) throws Exception {
    return run(List.of("systemctl", "--user", "show", "--value", "-p", name, unit))
        .output()
        .strip();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), "'" + command + "' did not return");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** The test class path, which surefire may hide behind a manifest jar of its own. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }
}
