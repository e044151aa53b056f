package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kubeplay.systemd.UnitChange;

class WorkloadStateTest {
  private static final WorkloadState STARTING =
      new WorkloadState("activating", "start", "success", "", 10);

  @Test
  void unitChangeSetsActiveAndSubState() {
    UnitChange change =
        new UnitChange(
            "u.service",
            WorkloadState.UNIT_INTERFACE,
            Map.of("ActiveState", "active", "SubState", "running", "Id", "u.service"),
            List.of());

    WorkloadState next = STARTING.with(change);

    assertEquals(new WorkloadState("active", "running", "success", "", 10), next);
    assertEquals(
        Map.of("ActiveState", "active", "SubState", "running"), next.changedSince(STARTING));
  }

  @Test
  void serviceChangeSetsResultStatusAndMainPid() {
    UnitChange change =
        new UnitChange(
            "u.service",
            WorkloadState.SERVICE_INTERFACE,
            Map.of("StatusText", "web: 1/1 ready", "MainPID", 42L, "Result", "success"),
            List.of());

    WorkloadState next = STARTING.with(change);

    assertEquals(
        Map.of("StatusText", "web: 1/1 ready", "MainPID", 42L), next.changedSince(STARTING));
  }

  @Test
  void otherInterfacesChangeNothing() {
    UnitChange change =
        new UnitChange("u.service", "org.freedesktop.DBus.Peer", Map.of("X", "y"), List.of());

    assertEquals(STARTING, STARTING.with(change));
  }

  @Test
  void invalidatedMirroredPropertyAsksForARead() {
    assertTrue(
        WorkloadState.invalidatesMirrored(
            new UnitChange(
                "u.service", WorkloadState.SERVICE_INTERFACE, Map.of(), List.of("StatusText"))));
    assertFalse(
        WorkloadState.invalidatesMirrored(
            new UnitChange(
                "u.service", WorkloadState.SERVICE_INTERFACE, Map.of(), List.of("ExecMainPID"))));
  }
}
