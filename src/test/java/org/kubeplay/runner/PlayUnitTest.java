package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kubeplay.testing.Command;
import org.kubeplay.testing.PlayedUnit;
import org.kubeplay.testing.Sandbox;

/**
 * Workloads played end to end as an admin plays them: {@code systemctl --user start podman-kube@…},
 * with the sandbox's real systemd, podman and runc. Each test leaves no unit, pod or container
 * behind.
 */
@Tag("integration")
class PlayUnitTest {
  /** How long a container of the fixtures takes to become ready, when it takes its time. */
  private static final Duration READY_DELAY = Duration.ofSeconds(2);

  /** Far more than any start here takes (about a second, or READY_DELAY more), yet bounded. */
  private static final Duration SLOW = Duration.ofSeconds(30);

  /** The stop-signal fixture's terminationGracePeriodSeconds. */
  private static final Duration GRACE = Duration.ofSeconds(20);

  @TempDir Path dir;
  private PlayedUnit unit;

  @AfterEach
  void leavesNothingBehind() {
    if (unit == null) {
      return;
    }
    unit.cleanUp();
    assertEquals("inactive", unit.property("ActiveState"), unit::diagnosis);
    assertEquals(List.of(), unit.containersLeft(), "containers left by " + unit.name());
    assertEquals(List.of(), unit.podsLeft(), "pods left by " + unit.name());
  }

  @Test
  void conmonPolicyStartReturnsWithTheContainerRunning() {
    play("conmon");

    unit.startChecked();

    assertEquals("true", inspect("conmon-ready-app", "{{.State.Running}}"));
    assertActiveUnderSupervisor();
  }

  @Test
  void containerPolicyStartWaitsForTheContainersReady() {
    play("container-ready-after-2s");

    PlayedUnit.Start start = unit.startChecked();

    assertTookBetween(READY_DELAY, SLOW, start);
    assertActiveUnderSupervisor();
  }

  @ParameterizedTest
  @ValueSource(strings = {"healthy-startup", "healthy-liveness"})
  void healthyPolicyStartWaitsForTheProbeToPass(String fixture) {
    play(fixture);

    PlayedUnit.Start start = unit.startChecked();

    assertTookBetween(READY_DELAY, SLOW, start);
    Sandbox.podman("exec", fixture + "-app", "test", "-e", "/tmp/ready");
    assertActiveUnderSupervisor();
  }

  @Test
  void ignorePolicyStartWaitsForNothing() {
    play("ignore");

    PlayedUnit.Start start = unit.startChecked();

    assertTookBetween(Duration.ZERO, SLOW, start);
    assertActiveUnderSupervisor();
  }

  @Test
  void containerStatusShowsInStatusTextAndSystemdNotifySucceeds() throws IOException {
    play("notify-status");

    unit.startChecked();

    assertEquals("chatty: 1/1 containers ready; app: warmed up", unit.property("StatusText"));
    assertEquals("0", awaitFile("ready-rc"));

    Files.createFile(dir.resolve("go"));

    unit.awaitProperty("StatusText", "app: serving 3 clients"::equals, SLOW);
    assertEquals("0", awaitFile("status-rc"));
  }

  @Test
  void containerCannotTakeTheMainPidOrStopTheUnit() {
    play("mainpid-thief");

    unit.startChecked();

    assertEquals("thief: 1/1 containers ready; app: taking over", unit.property("StatusText"));
    assertActiveUnderSupervisor();
  }

  @Test
  void readinessProbeGatesTheStart() {
    play("readiness-http");

    PlayedUnit.Start start = unit.startChecked();

    assertTookBetween(READY_DELAY, SLOW, start);
    String page =
        Sandbox.podman("exec", "late-web-web", "wget", "-q", "-O", "-", "http://127.0.0.1:8080/");
    assertTrue(page.contains("kubeplay test page"), page);
    assertActiveUnderSupervisor();
  }

  @Test
  void containerExitingBeforeReadyFailsTheStartWithItsCode() {
    play("exit-before-ready");

    PlayedUnit.Start start = unit.start();

    assertFalse(start.succeeded(), unit::diagnosis);
    assertEquals("failed", unit.property("ActiveState"));
    assertEquals("1", unit.property("ExecMainStatus"));
    assertEquals(
        "early-exit: container 'app' exited with code 1 before it was ready:"
            + " cannot open /data/app.db: no such file",
        unit.property("StatusText"));
    assertEquals(List.of(), unit.containersLeft());
    assertEquals(List.of(), unit.podsLeft());
  }

  @Test
  void stopSendsTheStopSignalAndLeavesTheUnitInactive() {
    play("stop-signal");
    unit.startChecked();

    Duration took = unit.stop();

    assertEquals("inactive", unit.property("ActiveState"));
    assertEquals("success", unit.property("Result"));
    assertEquals("SIGINT", readFile("signal"));
    assertTrue(
        took.compareTo(GRACE) < 0, "stopping took " + took + ", the grace period is " + GRACE);
    assertEquals(List.of(), unit.containersLeft());
  }

  @Test
  void stopWhileStartingLeavesTheUnitInactive() {
    play("never-ready");
    Sandbox.systemctl("start", "--no-block", unit.name());
    Sandbox.await(
        "never-ready-app running",
        () -> Command.run("podman", "inspect", "--format={{.State.Running}}", "never-ready-app"),
        inspected -> inspected.stdout().strip().equals("true"),
        SLOW);
    assertEquals("activating", unit.property("ActiveState"));

    unit.stop();

    assertEquals("inactive", unit.property("ActiveState"), unit::diagnosis);
    assertEquals(List.of(), unit.containersLeft());
  }

  @Test
  void stopDuringAnInitContainerEndsItWithinTheGracePeriod() {
    play("slow-init-container");
    Sandbox.systemctl("start", "--no-block", unit.name());
    Sandbox.await(
        "slow-init-wait running",
        () -> Command.run("podman", "inspect", "--format={{.State.Running}}", "slow-init-wait"),
        inspected -> inspected.stdout().strip().equals("true"),
        SLOW);

    Duration took = unit.stop();

    assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "stopping took " + took);
    assertEquals("inactive", unit.property("ActiveState"), unit::diagnosis);
  }

  @Test
  void fileWithSpacesAndUnicodeInItsPathPlays() {
    Path file = dir.resolve("web sites/caf\u00e9 m\u00fcnchen.yaml");
    unit = PlayedUnit.fromFixtureAt("conmon", file, Map.of());

    unit.startChecked();

    assertTrue(unit.name().contains("\\x20"), unit.name());
    assertActiveUnderSupervisor();
  }

  @ParameterizedTest(name = "propagation {0}, exit codes {1} and {2}: {3}, status {4}")
  @CsvSource(
      delimiter = ';',
      value = {
        "default; 0; 3; inactive; 0",
        "any; 0; 3; failed; 3",
        "all; 0; 3; inactive; 0",
        "all; 4; 5; failed; 5",
      })
  void workloadEndingByItselfEndsTheUnitByItsPropagationRule(
      String rule, int first, int second, String state, int status) {
    String annotations = rule.equals("default") ? "" : "io.kubeplay.exit-code-propagation: " + rule;
    play(
        "ends-by-itself",
        Map.of(
            "annotations", annotations,
            "first", Integer.toString(first),
            "second", Integer.toString(second)));
    unit.startChecked();

    unit.awaitProperty("ActiveState", state::equals, SLOW);

    assertEquals(Integer.toString(status), unit.property("ExecMainStatus"), unit::diagnosis);
    assertEquals(List.of(), unit.containersLeft());
  }

  @Test
  void killedSupervisorFailsTheUnitAndLeavesNoContainers() {
    play("conmon");
    unit.startChecked();

    ProcessHandle.of(unit.mainPid()).orElseThrow().destroyForcibly();

    unit.awaitProperty("ActiveState", "failed"::equals, SLOW);
    assertEquals("signal", unit.property("Result"));
    assertEquals(List.of(), unit.containersLeft());
    assertEquals(List.of(), unit.podsLeft());
  }

  @Test
  void initContainerCompletesBeforeTheAppStarts() {
    play("init-container");

    unit.startChecked();

    assertEquals("hello from init", readFile("seen"));
    assertActiveUnderSupervisor();
  }

  @Test
  void failingInitContainerFailsTheStartWithItsNameAndCode() {
    play("init-container-fails");

    PlayedUnit.Start start = unit.start();

    assertFalse(start.succeeded(), unit::diagnosis);
    assertEquals("7", unit.property("ExecMainStatus"));
    assertEquals(
        "unmigrated: init container 'migrate' exited with code 7:"
            + " migration 42 failed: table exists",
        unit.property("StatusText"));
    assertFalse(Files.exists(dir.resolve("app-started")), "the app container ran");
    assertEquals(List.of(), unit.containersLeft());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "invalid-syntax; broken-syntax; 10:15; mapping values are not allowed here",
        "invalid-field; broken-field; 7:18; Sometimes",
        "alias-bomb; laughs; 13:27; more than 50 aliases",
      })
  void invalidManifestFailsTheStartNamingTheLine(
      String fixture, String pod, String where, String message) {
    play(fixture);

    PlayedUnit.Start start = unit.start();

    assertFalse(start.succeeded(), unit::diagnosis);
    assertTookBetween(Duration.ZERO, SLOW, start);
    String status = unit.property("StatusText");
    assertTrue(
        status.startsWith("invalid manifest: " + unit.file() + ":" + where + ": "),
        "StatusText " + status);
    assertTrue(status.contains(message), "StatusText " + status);
    assertEquals(1, Command.run("podman", "pod", "exists", pod).exitCode(), "pod " + pod);
  }

  @Test
  void onFailureRestartsAContainerThatFailsAfterReady() {
    play("restart-on-failure");
    unit.startChecked();
    long supervisor = unit.mainPid();

    Sandbox.await("lines of 'starts'", () -> readFile("starts").lines().count(), n -> n >= 2, SLOW);

    unit.awaitProperty("StatusText", "flaky: 1/1 containers ready"::equals, SLOW);
    assertEquals("true", inspect("flaky-app", "{{.State.Running}}"));
    assertEquals("active", unit.property("ActiveState"));
    assertEquals(supervisor, unit.mainPid());
  }

  @Test
  void failedLivenessProbeStopsTheContainerAndItsRestartPolicyStartsItAgain() {
    play("liveness-fails");
    unit.startChecked();
    long supervisor = unit.mainPid();

    Sandbox.await("lines of 'starts'", () -> readFile("starts").lines().count(), n -> n >= 2, SLOW);

    assertEquals("stopped", readFile("stops").strip());
    unit.awaitProperty("StatusText", "sickly: 1/1 containers ready"::equals, SLOW);
    assertEquals("active", unit.property("ActiveState"));
    assertEquals(supervisor, unit.mainPid());
  }

  private void play(String fixture) {
    unit = PlayedUnit.fromFixture(fixture, dir);
  }

  private void play(String fixture, Map<String, String> values) {
    unit = PlayedUnit.fromFixture(fixture, dir, values);
  }

  /** The unit is active, and its main process is the supervisor playing the unit's file. */
  private void assertActiveUnderSupervisor() {
    assertEquals("active", unit.property("ActiveState"), unit::diagnosis);
    String commandLine = unit.mainCommandLine();
    assertTrue(
        commandLine.contains("org.kubeplay.cli.Kubeplay run " + unit.file()),
        "MainPID runs " + commandLine);
  }

  private static void assertTookBetween(Duration least, Duration most, PlayedUnit.Start start) {
    Duration took = start.took();
    assertTrue(
        took.compareTo(least) >= 0 && took.compareTo(most) < 0,
        "systemctl start took " + took + ", expected from " + least + " to " + most);
  }

  private static String inspect(String container, String format) {
    return Sandbox.podman("inspect", "--format", format, container).strip();
  }

  /** The file's text, stripped; empty while the file does not exist. */
  private String readFile(String name) {
    try {
      return Files.readString(dir.resolve(name)).strip();
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a container to write the file, and returns its text. */
  private String awaitFile(String name) {
    return Sandbox.await("file '" + name + "'", () -> readFile(name), s -> !s.isEmpty(), SLOW);
  }
}
