package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kubeplay.kube.AutoUpdatePolicy;

class UpdateReportTest {
  private static final UpdateRow UPDATED =
      new UpdateRow(
          "podman-kube@-srv-web.yaml.service",
          "0123456789abcdef",
          "web-server",
          "127.0.0.1:5000/web:latest",
          AutoUpdatePolicy.REGISTRY,
          UpdateResult.UPDATED,
          Optional.empty());
  private static final UpdateRow ROLLED_BACK =
      new UpdateRow(
          "podman-kube@-srv-db.yaml.service",
          "fedcba9876543210",
          "db",
          "localhost/db:latest",
          AutoUpdatePolicy.LOCAL,
          UpdateResult.ROLLED_BACK,
          Optional.of("restarting unit 'podman-kube@-srv-db.yaml.service': job failed"));

  @Test
  void tableHasPodmansColumnsAlignedByTheWidestCell() {
    String table = UpdateReport.table(List.of(UPDATED, ROLLED_BACK));

    assertEquals(
        """
        UNIT                               CONTAINER                  IMAGE                      POLICY    UPDATED
        podman-kube@-srv-web.yaml.service  0123456789ab (web-server)  127.0.0.1:5000/web:latest  registry  true
        podman-kube@-srv-db.yaml.service   fedcba987654 (db)          localhost/db:latest        local     rolled back
        """,
        table);
  }

  @Test
  void emptyRunIsTheHeaderAlone() {
    assertEquals("UNIT  CONTAINER  IMAGE  POLICY  UPDATED\n", UpdateReport.table(List.of()));
  }

  @Test
  void jsonHasPodmansKeysAndTheReasonWhereThereIsOne() {
    String json = UpdateReport.json(List.of(ROLLED_BACK));

    assertEquals(
        """
        [ {
          "Unit" : "podman-kube@-srv-db.yaml.service",
          "Container" : "fedcba987654 (db)",
          "ContainerID" : "fedcba9876543210",
          "ContainerName" : "db",
          "Image" : "localhost/db:latest",
          "Policy" : "local",
          "Updated" : "rolled back",
          "Reason" : "restarting unit 'podman-kube@-srv-db.yaml.service': job failed"
        } ]
        """,
        json);
  }

  @Test
  void problemsAreTheReasonsThenTheRunsErrors() {
    UpdateRun run = new UpdateRun(List.of(UPDATED, ROLLED_BACK), List.of("listing units: gone"));

    assertEquals(
        List.of(
            "podman-kube@-srv-db.yaml.service fedcba987654 (db): restarting unit"
                + " 'podman-kube@-srv-db.yaml.service': job failed",
            "listing units: gone"),
        UpdateReport.problems(run));
    assertEquals(1, run.exitCode());
    assertEquals(0, new UpdateRun(List.of(UPDATED), List.of()).exitCode());
  }
}
