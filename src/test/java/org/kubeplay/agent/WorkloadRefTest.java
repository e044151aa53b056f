package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadRefTest {
  @ParameterizedTest
  @CsvSource({
    "/srv/web.yaml, web, podman-kube@-srv-web.yaml.service,"
        + " /org/kubeplay/Agent1/workload/_2dsrv_2dweb_2eyaml",
    "/srv/my-app.kube.yml, my-app.kube, podman-kube@-srv-my\\x2dapp.kube.yml.service,"
        + " /org/kubeplay/Agent1/workload/_2dsrv_2dmy_5cx2dapp_2ekube_2eyml",
    "/etc/kubeplay/db, db, podman-kube@-etc-kubeplay-db.service,"
        + " /org/kubeplay/Agent1/workload/_2detc_2dkubeplay_2ddb",
  })
  void fileGivesNameUnitAndObjectPath(String file, String name, String unit, String path) {
    WorkloadRef ref = WorkloadRef.ofFile(file);

    assertEquals(new WorkloadRef(name, Path.of(file), unit), ref);
    assertEquals(path, ref.objectPath());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/srv/web.yaml", "/srv/a b/ü.yaml", "/srv/my-app.kube.yml"})
  void unitGivesTheFileBack(String file) {
    WorkloadRef ref = WorkloadRef.ofFile(file);

    assertEquals(Optional.of(ref), WorkloadRef.ofUnit(ref.unit()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dbus.service",
        "podman-kube@.service",
        "podman-kube@srv-web.yaml.service",
        "podman-kube@-srv-..-web.yaml.service",
        "podman-kube@-srv-web.yaml.socket"
      })
  void otherUnitsAreNoWorkloads(String unit) {
    assertEquals(Optional.empty(), WorkloadRef.ofUnit(unit));
  }

  @ParameterizedTest
  @CsvSource({
    "web.yaml, file 'web.yaml' is not an absolute path",
    "/srv/../web.yaml, file '/srv/../web.yaml' is not a normalized path",
    "/srv//web.yaml, file '/srv//web.yaml' is not a normalized path",
    "/srv/, file '/srv/' is not a normalized path",
  })
  void badFilesAreRefused(String file, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WorkloadRef.ofFile(file));

    assertEquals(message, e.getMessage());
  }
}
