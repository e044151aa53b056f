package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryClientTest {
  private final RegistryClient client =
      new RegistryClient(Set.of("127.0.0.1:5000", "mirror.example/team"));

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:5000/app:v1, http://127.0.0.1:5000/v2/app/manifests/v1",
    "127.0.0.1:5001/app:v1, https://127.0.0.1:5001/v2/app/manifests/v1",
    "mirror.example/team/app, http://mirror.example/v2/team/app/manifests/latest",
    "mirror.example/teams/app, https://mirror.example/v2/teams/app/manifests/latest",
    "docker.io/busybox, https://registry-1.docker.io/v2/library/busybox/manifests/latest",
  })
  void insecureRegistriesAreAskedOverPlainHttp(String image, String uri) {
    assertEquals(URI.create(uri), client.manifestUri(ImageReference.parse(image)));
  }

  @Test
  void acceptListNamesEveryManifestKindListsFirst() {
    assertEquals(
        "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, "
            + "application/vnd.docker.distribution.manifest.list.v2+json, "
            + "application/vnd.docker.distribution.manifest.v2+json",
        ManifestTypes.acceptHeader());
  }
}
