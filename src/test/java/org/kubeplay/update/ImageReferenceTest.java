package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:5000/app:v2, 127.0.0.1:5000, app, v2, 127.0.0.1:5000, app",
    "localhost/kubeplay-test, localhost, kubeplay-test, latest, localhost, kubeplay-test",
    "quay.io/podman/stable:latest, quay.io, podman/stable, latest, quay.io, podman/stable",
    "docker.io/busybox:1.36, docker.io, busybox, 1.36, registry-1.docker.io, library/busybox",
    "docker.io/user/app, docker.io, user/app, latest, registry-1.docker.io, user/app",
  })
  void qualifiedNameIsSplit(
      String image, String host, String repository, String tag, String apiHost, String apiRepo) {
    ImageReference reference = ImageReference.parse(image);

    assertEquals(new ImageReference(host, repository, tag), reference);
    assertEquals(apiHost, reference.apiHost());
    assertEquals(apiRepo, reference.apiRepository());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "busybox:latest|image 'busybox:latest' is not fully qualified: the registry policy needs"
            + " its host",
        "library/busybox|image 'library/busybox' is not fully qualified: the registry policy"
            + " needs its host",
        "quay.io/a/b@sha256:0123|image 'quay.io/a/b@sha256:0123' is pinned by digest: there is"
            + " no tag to follow",
        "quay.io/Upper/b|image 'quay.io/Upper/b': repository 'Upper/b' is not valid",
        "quay.io/a/b:-x|image 'quay.io/a/b:-x': tag '-x' is not valid",
      })
  void nameWithoutUpdatableTagIsRefused(String image, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(image));

    assertEquals(message, e.getMessage());
  }
}
