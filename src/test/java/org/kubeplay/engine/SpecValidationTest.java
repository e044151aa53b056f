package org.kubeplay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidationTest {
  private static final Owner OWNER = new Owner(Path.of("/srv/web.yaml"), Optional.empty());

  @ParameterizedTest
  @ValueSource(strings = {"-rm", "", "a b", "web/x", ".hidden"})
  void podNameThatPodmanRefusesIsRejected(String name) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PodSpec.builder(name, OWNER).build());

    assertEquals(
        "pod name '"
            + name
            + "' must match [a-zA-Z0-9][a-zA-Z0-9_.-]* and be at most 253"
            + " characters",
        error.getMessage());
  }

  @Test
  void containerIsNamedAfterItsPod() {
    ContainerSpec spec = ContainerSpec.builder("web", "server", "app", OWNER).build();

    assertEquals("web-server", spec.name());
  }

  @Test
  void imageThatLooksLikeAnOptionIsRejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ContainerSpec.builder("web", "server", "--privileged", OWNER).build());

    assertEquals("image reference '--privileged' is not valid", error.getMessage());
  }

  @Test
  void groupWithoutUserIsRejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ContainerSpec.builder("web", "server", "app", OWNER).runAsGroup(5).build());

    assertEquals("container 'web-server' sets a group but no user", error.getMessage());
  }

  @Test
  void mountPathWithCommaIsRejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Mount.Bind(Path.of("/srv/a,b"), "/data", Mount.Access.READ_WRITE));

    assertEquals("bind source '/srv/a,b' contains a comma or newline", error.getMessage());
  }

  @Test
  void signalThatLooksLikeAnOptionIsRejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ContainerSpec.builder("web", "server", "app", OWNER).stopSignal("-9").build());

    assertEquals("signal '-9' is not a signal name", error.getMessage());
  }

  @Test
  void hostNetworkPodCannotPublishPorts() {
    PortMapping port = new PortMapping(Optional.empty(), 8080, 80, Protocol.TCP);

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> PodSpec.builder("web", OWNER).hostNetwork(true).port(port).build());

    assertEquals("pod 'web' publishes ports but uses the host network", error.getMessage());
  }

  @Test
  void relativeWorkloadFileIsRejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> new Owner(Path.of("web.yaml"), Optional.empty()));

    assertEquals("workload file 'web.yaml' is not absolute", error.getMessage());
  }

  @Test
  void portOutOfRangeIsRejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PortMapping(Optional.empty(), 70000, 80, Protocol.TCP));

    assertEquals("host port 70000 is not between 1 and 65535", error.getMessage());
  }
}
