package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.testing.Command;
import org.kubeplay.testing.PlayedUnit;
import org.kubeplay.testing.Sandbox;

/** Images that only the sandbox's registry has, pulled (or not) by the supervisor's start. */
@Tag("integration")
class PlayPullTest {
  @TempDir Path dir;
  private String remote;
  private PlayedUnit unit;

  @BeforeEach
  void pushTestImage() {
    Sandbox.require();
    remote =
        System.getenv("KUBEPLAY_REGISTRY")
            + "/kubeplay-pull-"
            + UUID.randomUUID().toString().substring(0, 8)
            + ":latest";
    Sandbox.podman("push", "--quiet", "--tls-verify=false", Sandbox.testImage(), remote);
  }

  @AfterEach
  void leavesNothingBehind() {
    unit.cleanUp();
    Command.run("podman", "rmi", "--ignore", remote);
    assertEquals("inactive", unit.property("ActiveState"), unit::diagnosis);
    assertEquals(List.of(), unit.containersLeft(), "containers left by " + unit.name());
    assertEquals(List.of(), unit.podsLeft(), "pods left by " + unit.name());
  }

  @Test
  void missingImageIsPulledBeforeTheStart() {
    assertFalse(imageExists(remote), remote + " is local before the test");
    play("IfNotPresent");

    unit.startChecked();

    assertEquals("active", unit.property("ActiveState"), unit::diagnosis);
    assertTrue(imageExists(remote), remote + " was not pulled");
  }

  @Test
  void neverPolicyWithAMissingImageFailsTheStartSayingSo() {
    play("Never");

    PlayedUnit.Start start = unit.start();

    assertFalse(start.succeeded());
    assertTrue(
        unit.property("StatusText")
            .contains(
                "image '"
                    + remote
                    + "' of container 'app' is not present and its imagePullPolicy"
                    + " is Never"),
        unit::diagnosis);
    assertFalse(imageExists(remote));
  }

  @Test
  void unreachableRegistryFailsTheStartNamingImageAndContainer() {
    remote = "127.0.0.1:1/kubeplay-nowhere:latest";
    play("Always");

    PlayedUnit.Start start = unit.start();

    assertFalse(start.succeeded());
    // Podman's own error, not its progress lines and retry warnings before it.
    String status = unit.property("StatusText");
    assertTrue(
        status.startsWith(
            "pulled: container 'app': pulling image '" + remote + "': podman exited 125: Error: "),
        status);
    assertFalse(status.contains("level=warning"), status);
  }

  private void play(String policy) {
    unit = PlayedUnit.fromFixture("pulled", dir, Map.of("remote", remote, "policy", policy));
  }

  private static boolean imageExists(String image) {
    return Command.run("podman", "image", "exists", image).exitCode() == 0;
  }
}
