package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistriesConfTest {
  private static final String CONF =
      """
      unqualified-search-registries = [
        "docker.io",
      ]
      [[registry]]
      location = "localhost:5000"
      insecure = true

      [aliases]
        # Debian ships a list like this one.
        "alpine" = "docker.io/library/alpine"  # trailing comment
        busybox = "docker.io/library/busybox"
        "quay/x" = "quay.io/x#not-a-comment"

      [other]
      "ignored" = "docker.io/ignored"
      """;

  @Test
  void onlyTheAliasesTableIsRead() {
    assertEquals(
        Map.of(
            "alpine",
            "docker.io/library/alpine",
            "busybox",
            "docker.io/library/busybox",
            "quay/x",
            "quay.io/x#not-a-comment"),
        RegistriesConf.parseAliases(CONF));
  }

  @Test
  void malformedAliasNamesItsLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegistriesConf.parseAliases("[aliases]\n\"a\" = b\n"));

    assertEquals(
        "line 2: expected \"short-name\" = \"registry/name\", got '\"a\" = b'", e.getMessage());
  }

  @Test
  void insecureRegistriesAreTheLocationsAndPrefixesMarkedSo() {
    String conf =
        CONF
            + """
            [[registry]]
            location = "secure.example"
            insecure = false

            [[registry]]
            prefix = "mirror.example/team"  # matched by prefix
            location = "10.0.0.1:5000"
            insecure = true
            """;

    assertEquals(
        Set.of("localhost:5000", "mirror.example/team", "10.0.0.1:5000"),
        RegistriesConf.parseInsecure(conf));
  }

  @Test
  void environmentVariableNamesTheOnlyFile() {
    assertEquals(
        List.of(Path.of("/x/registries.conf")), RegistriesConf.files("/x/registries.conf"));
  }

  @Test
  void laterFilesOverrideEarlierOnesAndMissingOnesAreSkipped(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("registries.conf"), CONF);
    Files.createDirectory(dir.resolve("d"));
    Files.writeString(
        dir.resolve("d/50-more.conf"), "[aliases]\n\"alpine\" = \"registry.example/alpine\"\n");
    List<Path> files =
        new java.util.ArrayList<>(
            List.of(dir.resolve("registries.conf"), dir.resolve("missing.conf")));
    files.addAll(RegistriesConf.dropIns(dir.resolve("d")));

    ShortNameAliases aliases = ShortNameAliases.of(RegistriesConf.load(files));

    assertEquals(Optional.of("registry.example/alpine"), aliases.resolve("alpine"));
    assertEquals(Optional.of("docker.io/library/busybox"), aliases.resolve("busybox"));
  }

  @ParameterizedTest
  @CsvSource({
    "alpine, docker.io/library/alpine",
    "alpine:3.19, docker.io/library/alpine:3.19",
    "alpine@sha256:abc, docker.io/library/alpine@sha256:abc",
    "localhost/kubeplay-test:latest, localhost/kubeplay-test:latest",
    "localhost:5000/x, localhost:5000/x",
    "quay.io/podman/stable, quay.io/podman/stable",
    "library/nginx, ''",
    "nginx, ''"
  })
  void imageIsQualifiedByItsHostOrAlias(String image, String expected) {
    ShortNameAliases aliases = ShortNameAliases.of(Map.of("alpine", "docker.io/library/alpine"));

    assertEquals(
        expected.isEmpty() ? Optional.empty() : Optional.of(expected),
        ImageNames.qualify(image, aliases));
  }
}
