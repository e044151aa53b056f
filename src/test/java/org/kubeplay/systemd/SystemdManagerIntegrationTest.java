package org.kubeplay.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Drives the sandbox's real {@code systemd --user} through {@link SystemdManager}. */
@Tag("integration")
class SystemdManagerIntegrationTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private SystemdManager systemd;

  @BeforeEach
  void connect() throws Exception {
    systemd = SystemdManager.connectUser();
  }

  @AfterEach
  void close() {
    systemd.close();
  }

  @Test
  void startOfNotifyUnitEndsDoneOnceItIsReady() throws Exception {
    String unit = notifyUnit("notify");

    JobResult result = systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);

    UnitState state = systemd.unit(unit);
    assertEquals(JobResult.DONE, result);
    assertEquals(ActiveState.ACTIVE, state.activeState());
    assertEquals("running", state.subState());
    assertEquals("up and running", state.statusText());
    assertTrue(state.mainPid() > 0, "MainPID " + state.mainPid());
    assertEquals(TestUnits.dir().resolve(unit).toString(), state.fragmentPath());
  }

  @Test
  void jobsStillEndAfterSystemdReExecutesUnderANewBusName() throws Exception {
    org.kubeplay.testing.Sandbox.systemctl("daemon-reexec");
    String unit = notifyUnit("reexec");

    JobResult result = systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);

    assertEquals(JobResult.DONE, result);
    assertEquals(ActiveState.ACTIVE, systemd.unit(unit).activeState());
  }

  @Test
  void startOfFailingUnitEndsFailedWithExitCodeResult() throws Exception {
    String unit = unit("fail", "[Service]\nType=oneshot\nExecStart=/bin/false\n");

    JobResult result = systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);

    UnitState state = systemd.unit(unit);
    assertEquals(JobResult.FAILED, result);
    assertEquals(ActiveState.FAILED, state.activeState());
    assertEquals("exit-code", state.result());
    assertEquals(1, state.execMainCode(), "CLD_EXITED");
    assertEquals(1, state.execMainStatus());
  }

  @Test
  void stopLeavesUnitInactive() throws Exception {
    String unit = notifyUnit("stop");
    systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);

    JobResult result = systemd.stopUnit(unit, JobMode.REPLACE).await(DEADLINE);

    UnitState state = systemd.unit(unit);
    assertEquals(JobResult.DONE, result);
    assertEquals(ActiveState.INACTIVE, state.activeState());
    assertEquals("dead", state.subState());
    assertEquals(0, state.mainPid());
  }

  @Test
  void restartReplacesTheMainProcess() throws Exception {
    String unit = notifyUnit("restart");
    systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);
    long before = systemd.unit(unit).mainPid();

    JobResult result = systemd.restartUnit(unit, JobMode.REPLACE).await(DEADLINE);

    UnitState state = systemd.unit(unit);
    assertEquals(JobResult.DONE, result);
    assertEquals(ActiveState.ACTIVE, state.activeState());
    assertNotEquals(before, state.mainPid());
  }

  @Test
  void resetFailedClearsFailedState() throws Exception {
    String unit = unit("reset", "[Service]\nType=oneshot\nExecStart=/bin/false\n");
    systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);

    systemd.resetFailedUnit(unit);

    UnitState state = systemd.unit(unit);
    assertEquals(ActiveState.INACTIVE, state.activeState());
    assertEquals("success", state.result());
  }

  @Test
  void getUnitOfUnknownUnitThrowsNoSuchUnit() {
    SystemdException e =
        assertThrows(SystemdException.class, () -> systemd.getUnit("kp-absent.service"));

    assertEquals(SystemdError.NO_SUCH_UNIT, e.error());
    assertEquals("org.freedesktop.systemd1.NoSuchUnit", e.errorName());
    assertEquals(
        "getting unit 'kp-absent.service': Unit kp-absent.service not loaded.", e.getMessage());
  }

  @Test
  void startOfUnitWithoutFileThrowsNoSuchUnit() {
    SystemdException e =
        assertThrows(
            SystemdException.class, () -> systemd.startUnit("kp-absent.service", JobMode.REPLACE));

    assertEquals(SystemdError.NO_SUCH_UNIT, e.error());
    assertTrue(e.getMessage().startsWith("starting unit 'kp-absent.service': "), e.getMessage());
  }

  @Test
  void invalidUnitNameThrowsInvalidArgs() {
    SystemdException e =
        assertThrows(SystemdException.class, () -> systemd.loadUnit("no spaces.service"));

    assertEquals(SystemdError.INVALID_ARGS, e.error());
  }

  @Test
  void loadUnitReturnsPathWithBusLabelOfName() throws Exception {
    String unit = UnitNames.instanceOf("kp-load@.service", UnitNames.escapePath("/srv/a b/ü.yaml"));

    String path = systemd.loadUnit(unit);

    assertEquals(BusLabels.objectPath(SystemdManager.UNIT_PATH_PREFIX, unit), path);
  }

  @Test
  void unitWithoutFileReadsAsNotFound() throws Exception {
    UnitState state = systemd.unit("kp-absent.service");

    assertEquals("not-found", state.loadState());
    assertEquals(ActiveState.INACTIVE, state.activeState());
  }

  @Test
  void listUnitsByPatternsFindsStartedUnit() throws Exception {
    String unit = notifyUnit("list");
    systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);

    List<UnitSummary> units = systemd.listUnitsByPatterns(List.of("active"), List.of("kp-list-*"));

    assertTrue(
        units.stream().anyMatch(u -> u.name().equals(unit) && u.subState().equals("running")),
        units.toString());
    assertTrue(units.stream().allMatch(u -> u.activeState() == ActiveState.ACTIVE));
  }

  @Test
  void propertiesChangedIsDeliveredWhenUnitBecomesActive() throws Exception {
    String unit = notifyUnit("changed");
    CompletableFuture<UnitChange> active = new CompletableFuture<>();
    Subscription subscription =
        systemd.onUnitChanged(
            change -> {
              if (change.unit().equals(unit)
                  && change.activeState().equals(Optional.of(ActiveState.ACTIVE))) {
                active.complete(change);
              }
            });

    systemd.startUnit(unit, JobMode.REPLACE);

    UnitChange change = active.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    subscription.close();
    assertEquals("org.freedesktop.systemd1.Unit", change.interfaceName());
    assertEquals("running", change.changed().get("SubState"));
  }

  @Test
  void unitPresenceFollowsLoadingAndUnloading() throws Exception {
    String unit = notifyUnit("presence");
    CompletableFuture<UnitPresence> loaded = new CompletableFuture<>();
    CompletableFuture<UnitPresence> unloaded = new CompletableFuture<>();
    Subscription subscription =
        systemd.onUnitPresence(
            presence -> {
              if (presence.unit().equals(unit)) {
                (presence.kind() == UnitPresence.Kind.LOADED ? loaded : unloaded)
                    .complete(presence);
              }
            });

    systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);
    loaded.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    systemd.stopUnit(unit, JobMode.REPLACE).await(DEADLINE);

    // An inactive unit that nothing refers to is unloaded by systemd's garbage collection.
    unloaded.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    subscription.close();
  }

  @Test
  void twentyParallelStartsAllComplete() throws Exception {
    TestUnits.write(
        "kp-parallel@.service",
        "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
    systemd.reload();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<JobResult>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        String unit = UnitNames.instanceOf("kp-parallel@.service", "n" + i);
        results.add(pool.submit(() -> systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE)));
      }

      for (Future<JobResult> result : results) {
        assertEquals(JobResult.DONE, result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void repeatedStartsOfActiveUnitAllComplete() throws Exception {
    // The job of an active unit ends at once, so its JobRemoved often beats the reply.
    String unit = notifyUnit("repeat");
    systemd.startUnit(unit, JobMode.REPLACE).await(DEADLINE);

    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      jobs.add(systemd.startUnit(unit, JobMode.REPLACE));
    }

    for (Job job : jobs) {
      assertEquals(JobResult.DONE, job.await(DEADLINE));
    }
  }

  @Test
  void managerWorksOverAConnectionItIsGiven() throws Exception {
    DBusConnection connection =
        DBusConnectionBuilder.forAddress(System.getenv("DBUS_SESSION_BUS_ADDRESS"))
            .withShared(false)
            .build();

    try (SystemdManager given = new SystemdManager(connection)) {
      assertEquals("loaded", given.unit("dbus.socket").loadState());
    }
    assertEquals(false, connection.isConnected());
  }

  @Test
  void closeEndsEveryThreadItStarted() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    SystemdManager other = SystemdManager.connectUser();
    other.unit("kp-absent.service");

    other.close();

    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Set<Thread> started = startedSince(before);
    while (!started.isEmpty() && System.nanoTime() < deadline) {
      started.iterator().next().join(100);
      started = startedSince(before);
    }
    assertEquals(Set.of(), started);
  }

  private static Set<Thread> startedSince(Set<Thread> before) {
    Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
    started.removeAll(before);
    started.removeIf(thread -> !thread.isAlive());
    return started;
  }

  private String notifyUnit(String stem) throws Exception {
    return unit(
        stem,
        """
        [Service]
        Type=notify
        NotifyAccess=all
        ExecStart=/bin/sh -c 'systemd-notify --ready --status="up and running"; exec sleep 600'
        """);
  }

  private String unit(String stem, String contents) throws Exception {
    String name = TestUnits.uniqueName(stem, "service");
    TestUnits.write(name, contents);
    systemd.reload();
    return name;
  }
}
