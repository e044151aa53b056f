package org.kubeplay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads JSON captured from podman 4.3.1 on this project's machines. */
class PodmanJsonTest {
  @Test
  void runningContainerInspectGivesStatePidImageAndLabels() throws IOException {
    ContainerInfo info = PodmanJson.container(sample("container-inspect-running.json")).get();

    assertEquals("p1-web2", info.name());
    assertEquals(ContainerState.RUNNING, info.state());
    assertTrue(info.running());
    assertEquals(17355, info.pid());
    assertEquals(0, info.exitCode());
    assertEquals(
        "904e246061a8a85b465e380783f19109b79008c05155019084d867d2428d2121", info.imageId());
    assertEquals("localhost/engtest:latest", info.imageName());
    assertEquals("751d3d8450072ce4320b4a8268e5040bcbf8a96073566b09cc0d740b31adbd6f", info.podId());
    assertEquals("/srv/web.yaml", info.labels().get(Labels.KUBEPLAY_FILE));
    assertEquals("web.service", info.labels().get(Labels.PODMAN_SYSTEMD_UNIT));
  }

  @Test
  void exitedContainerInspectGivesExitCode() throws IOException {
    ContainerInfo info = PodmanJson.container(sample("container-inspect-exited.json")).get();

    assertEquals(ContainerState.EXITED, info.state());
    assertFalse(info.running());
    assertEquals(7, info.exitCode());
    assertEquals(0, info.pid());
  }

  @Test
  void podInspectObjectGivesStateInfraAndMembers() throws IOException {
    PodInfo info = PodmanJson.pod(sample("pod-inspect.json")).get();

    assertEquals("p1", info.name());
    assertEquals(PodState.DEGRADED, info.state());
    assertEquals(
        "20840dc94030d02cbf1c85d8f73f57697bd4bc0131b1f206ef953832d0a946ee", info.infraId());
    assertEquals(
        List.of(
            new PodInfo.Member(
                "20840dc94030d02cbf1c85d8f73f57697bd4bc0131b1f206ef953832d0a946ee",
                "751d3d845007-infra",
                ContainerState.RUNNING),
            new PodInfo.Member(
                "2c4b3f6499ae297c9f5ecbea14c10bb7e4261705191bd1fc57df5aa401bb4895",
                "p1-web",
                ContainerState.EXITED),
            new PodInfo.Member(
                "fed77e69c4148eba44b99b92fa48de2882c4eb3bbc25d5cd8087c02656969cd2",
                "p1-web2",
                ContainerState.RUNNING)),
        info.containers());
  }

  @Test
  void imageInspectGivesIdDigestsAndNames() throws IOException {
    ImageInfo info = PodmanJson.image(sample("image-inspect.json")).get();

    assertEquals("904e246061a8a85b465e380783f19109b79008c05155019084d867d2428d2121", info.id());
    assertEquals(List.of("localhost/engtest:latest"), info.repoTags());
    assertEquals(
        Set.of("sha256:649a85d9ef184ec3e67cf59fc2ea635752c8b66d70c32be4482ebd3ff22a63e5"),
        info.digests());
  }

  @Test
  void podListGivesNamesStatesAndLabels() throws IOException {
    List<PodSummary> pods = PodmanJson.podList(sample("pod-ps.json"));

    assertEquals(List.of("p2", "p1"), pods.stream().map(PodSummary::name).toList());
    assertEquals("/x/y.yaml", pods.get(0).labels().get(Labels.KUBEPLAY_FILE));
  }

  @Test
  void containerListMarksInfraContainers() throws IOException {
    List<ContainerSummary> containers = PodmanJson.containerList(sample("ps.json"));

    ContainerSummary infra = containers.get(0);
    assertEquals("751d3d845007-infra", infra.name());
    assertTrue(infra.infra());
    assertEquals(ContainerState.RUNNING, infra.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[]\n", "", "  \n"})
  void emptyAnswersMeanNothing(String json) throws IOException {
    assertEquals(Optional.empty(), PodmanJson.container(json));
    assertEquals(List.of(), PodmanJson.podList(json));
  }

  @Test
  void objectWhereAnArrayBelongsIsAnError() {
    IOException error = assertThrows(IOException.class, () -> PodmanJson.containerList("{}"));

    assertTrue(error.getMessage().startsWith("expected a json array, found "), error.getMessage());
  }

  @Test
  void unknownContainerStateIsAnError() {
    String json = "[{\"Id\":\"x\",\"Name\":\"y\",\"State\":{\"Status\":\"zombie\"}}]";

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PodmanJson.container(json));

    assertTrue(error.getMessage().startsWith("container state 'zombie'"), error.getMessage());
  }

  private static String sample(String name) throws IOException {
    try (InputStream in = PodmanJsonTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
