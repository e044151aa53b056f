package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.engine.PodmanEngine;
import org.kubeplay.systemd.SystemdManager;
import org.kubeplay.testing.Sandbox;

/**
 * Auto-update against the sandbox's real registry, podman and systemd --user: updates happen, dry
 * runs change nothing, and images that do not come up ready are rolled back.
 */
@Tag("integration")
class AutoUpdateIntegrationTest {
  @TempDir Path dir;

  private UpdateFixture fixture;
  private SystemdManager systemd;
  private AutoUpdater updater;

  @BeforeEach
  void connect() throws Exception {
    fixture = new UpdateFixture(dir);
    systemd = SystemdManager.connectUser();
    updater =
        new AutoUpdater(
            new PodmanEngine(),
            systemd,
            RegistryClient.fromSystem(),
            Map.of(),
            Restarter.SETTLE_TIME);
  }

  @AfterEach
  void cleanUp() throws Exception {
    systemd.close();
    fixture.close();
  }

  @Test
  void newImagePushedUnderTheSameTagIsPulledAndRun() throws Exception {
    String image = fixture.registry + "/upd-reg-" + fixture.id + ":latest";
    String old = publish(image, "v1");
    String unit = fixture.workload("reg" + fixture.id, image, "registry", false);
    fixture.start(unit);
    String newer = fixture.build("localhost/upd-reg-" + fixture.id + ":v2", "v2");
    fixture.push("localhost/upd-reg-" + fixture.id + ":v2", image);

    UpdateRun run = updater.run(UpdateOptions.all().forUnits(List.of(unit)));

    assertEquals(List.of(UpdateResult.UPDATED), results(run), run.toString());
    assertEquals(newer, fixture.runningImage("reg" + fixture.id));
    assertTrue(!newer.equals(old));
    assertEquals("active", Sandbox.unitProperty(unit, "ActiveState"));
  }

  @Test
  void localNameRetaggedToAnotherImageIsAnUpdate() throws Exception {
    String image = "localhost/upd-local-" + fixture.id + ":latest";
    fixture.build(image, "v1");
    String unit = fixture.workload("loc" + fixture.id, image, "local", false);
    fixture.start(unit);
    String newer = fixture.build(image, "v2");

    UpdateRun run = updater.run(UpdateOptions.all().forUnits(List.of(unit)));

    assertEquals(List.of(UpdateResult.UPDATED), results(run), run.toString());
    assertEquals(newer, fixture.runningImage("loc" + fixture.id));
    assertEquals(0, run.exitCode());
  }

  @Test
  void dryRunReportsPendingAndChangesNothing() throws Exception {
    String image = fixture.registry + "/upd-dry-" + fixture.id + ":latest";
    String old = publish(image, "v1");
    String unit = fixture.workload("dry" + fixture.id, image, "registry", false);
    fixture.start(unit);
    String mainPid = Sandbox.unitProperty(unit, "MainPID");
    fixture.build("localhost/upd-dry-" + fixture.id + ":v2", "v2");
    fixture.push("localhost/upd-dry-" + fixture.id + ":v2", image);

    UpdateRun run = updater.run(UpdateOptions.all().asDryRun().forUnits(List.of(unit)));

    assertEquals(List.of(UpdateResult.PENDING), results(run), run.toString());
    assertEquals(old, fixture.runningImage("dry" + fixture.id));
    assertEquals(old, fixture.imageId(image));
    assertEquals(mainPid, Sandbox.unitProperty(unit, "MainPID"));
  }

  @Test
  void imageWhoseContainerExitsAtOnceIsRolledBack() throws Exception {
    String image = "localhost/upd-crash-" + fixture.id + ":latest";
    String old = fixture.build(image, "v1");
    String unit = fixture.workload("crash" + fixture.id, image, "local", false);
    fixture.start(unit);
    fixture.build(image, "crash");

    UpdateRun run = updater.run(UpdateOptions.all().forUnits(List.of(unit)));

    assertEquals(List.of(UpdateResult.ROLLED_BACK), results(run), run.toString());
    assertEquals("active", Sandbox.unitProperty(unit, "ActiveState"));
    assertEquals(old, fixture.runningImage("crash" + fixture.id));
    assertEquals(old, fixture.imageId(image));
    assertEquals(1, run.exitCode());
  }

  @Test
  void imageThatNeverSendsReadyIsRolledBackAfterTheStartTimeout() throws Exception {
    String image = "localhost/upd-silent-" + fixture.id + ":latest";
    String old = fixture.build(image, "v1");
    String unit = fixture.workload("silent" + fixture.id, image, "local", true);
    fixture.start(unit);
    // Shorter than the default to keep the test short, yet long enough for the rollback's start
    // on a loaded 2-core host.
    fixture.dropIn(unit, "TimeoutStartSec=30s");
    fixture.build(image, "silent");

    UpdateRun run = updater.run(UpdateOptions.all().forUnits(List.of(unit)));

    assertEquals(List.of(UpdateResult.ROLLED_BACK), results(run), run.toString());
    assertTrue(run.rows().get(0).reason().orElseThrow().contains("job failed"), run.toString());
    assertEquals("active", Sandbox.unitProperty(unit, "ActiveState"));
    assertEquals(old, fixture.runningImage("silent" + fixture.id));
  }

  @Test
  void withoutRollbackAFailedUpdateIsLeftFailed() throws Exception {
    String image = "localhost/upd-norb-" + fixture.id + ":latest";
    fixture.build(image, "v1");
    String unit = fixture.workload("norb" + fixture.id, image, "local", false);
    fixture.start(unit);
    String crashing = fixture.build(image, "crash");
    UpdateOptions options = new UpdateOptions(false, false, List.of(unit), Optional.empty());

    UpdateRun run = updater.run(options);

    assertEquals(List.of(UpdateResult.FAILED), results(run), run.toString());
    assertEquals(crashing, fixture.imageId(image));
  }

  @Test
  void unreachableRegistryFailsItsContainersWhileOthersUpdate() throws Exception {
    String unreachable = "127.0.0.1:1/upd-gone-" + fixture.id + ":latest";
    fixture.build(unreachable, "v1");
    String gone = fixture.workload("gone" + fixture.id, unreachable, "registry", false);
    String image = "localhost/upd-ok-" + fixture.id + ":latest";
    fixture.build(image, "v1");
    String ok = fixture.workload("ok" + fixture.id, image, "local", false);
    fixture.start(gone);
    fixture.start(ok);
    String newer = fixture.build(image, "v2");

    UpdateRun run = updater.run(UpdateOptions.all().forUnits(List.of(gone, ok)));

    assertEquals(List.of(UpdateResult.FAILED, UpdateResult.UPDATED), results(run), run.toString());
    String reason = run.rows().get(0).reason().orElseThrow();
    assertTrue(reason.startsWith("checking image '" + unreachable + "' in its registry: "), reason);
    assertEquals(newer, fixture.runningImage("ok" + fixture.id));
    assertEquals(1, run.exitCode());
  }

  /** Pushes a fresh image to the registry and pulls it back, as a host would have it; its id. */
  private String publish(String image, String variant) throws Exception {
    String local = "localhost/upd-src-" + fixture.id + "-" + variant + ":latest";
    String id = fixture.build(local, variant);
    fixture.push(local, image);
    fixture.pull(image);
    return id;
  }

  private static List<UpdateResult> results(UpdateRun run) {
    return run.rows().stream().map(UpdateRow::updated).toList();
  }
}
