package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kubeplay.engine.ContainerInfo;
import org.kubeplay.engine.ContainerState;
import org.kubeplay.engine.ImageInfo;
import org.kubeplay.kube.AutoUpdatePolicy;

class UpdateCheckerTest {
  private static final String PULLED = "sha256:" + "a".repeat(64);
  private static final String PUSHED = "sha256:" + "b".repeat(64);
  private static final String NEWER = "sha256:" + "c".repeat(64);
  private static final ImageInfo RUNNING =
      new ImageInfo("1".repeat(64), PUSHED, List.of("127.0.0.1:5000/app@" + PULLED), List.of());

  @Test
  void registryDigestAmongTheRepoDigestsIsNoUpdate() {
    assertEquals(
        new Check.Current(), UpdateChecker.registryCheck(Outcome.of(PULLED), Outcome.of(RUNNING)));
  }

  @Test
  void registryDigestEqualToTheImagesOwnDigestIsNoUpdate() {
    assertEquals(
        new Check.Current(), UpdateChecker.registryCheck(Outcome.of(PUSHED), Outcome.of(RUNNING)));
  }

  @Test
  void otherRegistryDigestIsAnUpdate() {
    assertEquals(
        new Check.Available(), UpdateChecker.registryCheck(Outcome.of(NEWER), Outcome.of(RUNNING)));
  }

  @Test
  void failedRegistryQuestionFailsTheCheck() {
    assertEquals(
        new Check.Failed("checking image 'x': refused"),
        UpdateChecker.registryCheck(
            Outcome.failed("checking image 'x': refused"), Outcome.of(RUNNING)));
  }

  @Test
  void localNameOnAnotherImageIsAnUpdate() {
    assertEquals(
        new Check.Available(), UpdateChecker.localCheck("2".repeat(64), Outcome.of(RUNNING)));
    assertEquals(
        new Check.Current(), UpdateChecker.localCheck("1".repeat(64), Outcome.of(RUNNING)));
  }

  @Test
  void authfileLabelWinsOverOptionAndOptionOverEnvironment() {
    UpdateChecker checker =
        new UpdateChecker(null, null, Map.of(UpdateChecker.AUTHFILE_VARIABLE, "/env/auth.json"));
    Optional<Path> option = Optional.of(Path.of("/option/auth.json"));

    assertEquals(
        Optional.of(Path.of("/label/auth.json")),
        checker.authfile(candidate(Optional.of(Path.of("/label/auth.json"))), option));
    assertEquals(option, checker.authfile(candidate(Optional.empty()), option));
    assertEquals(
        Optional.of(Path.of("/env/auth.json")),
        checker.authfile(candidate(Optional.empty()), Optional.empty()));
  }

  private static Candidate candidate(Optional<Path> authfile) {
    ContainerInfo info =
        new ContainerInfo(
            "f".repeat(64),
            "web-app",
            ContainerState.RUNNING,
            0,
            42,
            "1".repeat(64),
            "127.0.0.1:5000/app:latest",
            "",
            Map.of());
    return new Candidate("podman-kube@x.service", info, AutoUpdatePolicy.REGISTRY, authfile);
  }
}
