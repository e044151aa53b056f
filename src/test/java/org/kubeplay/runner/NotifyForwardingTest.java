package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.testing.PlayedUnit;
import org.kubeplay.testing.Sandbox;

/**
 * What a container tells systemd through its supervisor, seen by the sandbox's real systemd: a
 * request for more start time, watchdog pats, an error code. The first two give their unit a
 * drop-in with a short timeout, so that systemd would fail the unit without the forwarded message.
 */
@Tag("integration")
class NotifyForwardingTest {
  /** Bounded, and far beyond the 15 s the slow fixture takes to become ready. */
  private static final Duration SLOW = Duration.ofSeconds(90);

  @TempDir Path dir;
  private PlayedUnit unit;
  private Path dropIn;

  @AfterEach
  void leavesNothingBehind() throws IOException {
    unit.cleanUp();
    Files.deleteIfExists(dropIn.resolve("test.conf"));
    Files.deleteIfExists(dropIn);
    Sandbox.systemctl("daemon-reload");
    assertEquals("inactive", unit.property("ActiveState"), unit::diagnosis);
    assertEquals(List.of(), unit.containersLeft(), "containers left by " + unit.name());
    assertEquals(List.of(), unit.podsLeft(), "pods left by " + unit.name());
  }

  @Test
  void extendTimeoutFromTheContainerKeepsTheStartAlive() throws IOException {
    play("extend-timeout", Map.of("extend", "systemd-notify EXTEND_TIMEOUT_USEC=60000000"));
    withDropIn("TimeoutStartSec=10s");

    unit.startChecked();

    assertEquals("active", unit.property("ActiveState"), unit::diagnosis);
  }

  /** The control for the test above: the same start without the request times out. */
  @Test
  void withoutExtendTimeoutTheSameStartTimesOut() throws IOException {
    play("extend-timeout", Map.of("extend", ":"));
    withDropIn("TimeoutStartSec=10s");

    PlayedUnit.Start start = unit.start();

    assertFalse(start.succeeded(), "started although READY came after the timeout");
    assertEquals("timeout", unit.property("Result"), unit::diagnosis);
  }

  @Test
  void watchdogPatsKeepTheUnitAliveAndTheirEndFailsIt() throws Exception {
    play("watchdog", Map.of());
    withDropIn("WatchdogSec=3s");
    unit.startChecked();

    // Two watchdog periods: without the pats forwarded, systemd would have failed the unit.
    Thread.sleep(6000);
    assertEquals("active", unit.property("ActiveState"), unit::diagnosis);

    Files.createFile(dir.resolve("quiet"));
    unit.awaitProperty("Result", "watchdog"::equals, SLOW);
  }

  @Test
  void errnoFromTheContainerBecomesTheUnitsStatusErrno() {
    play("errno", Map.of());
    dropIn = Sandbox.unitDir().resolve(unit.name() + ".d");

    unit.startChecked();

    unit.awaitProperty("StatusErrno", "42"::equals, SLOW);
  }

  private void play(String fixture, Map<String, String> values) {
    unit = PlayedUnit.fromFixture(fixture, dir, values);
  }

  private void withDropIn(String setting) throws IOException {
    dropIn = Files.createDirectories(Sandbox.unitDir().resolve(unit.name() + ".d"));
    Files.writeString(dropIn.resolve("test.conf"), "[Service]\n" + setting + "\n");
    Sandbox.systemctl("daemon-reload");
  }
}
