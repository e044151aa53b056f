package org.kubeplay.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips every wire enum of the package through its lookup. */
class WireNamesTest {
  @ParameterizedTest
  @EnumSource(JobMode.class)
  void jobModeRoundTrips(JobMode mode) {
    assertEquals(mode, JobMode.fromWireName(mode.wireName()));
  }

  @ParameterizedTest
  @EnumSource(JobResult.class)
  void jobResultRoundTrips(JobResult result) {
    assertEquals(result, JobResult.fromWireName(result.wireName()));
  }

  @ParameterizedTest
  @EnumSource(ActiveState.class)
  void activeStateRoundTrips(ActiveState state) {
    assertEquals(state, ActiveState.fromWireName(state.wireName()));
  }

  @ParameterizedTest
  @EnumSource(SystemdError.class)
  void systemdErrorRoundTrips(SystemdError error) {
    assertEquals(error, SystemdError.fromWireName(error.wireName()));
    assertEquals(error, SystemdError.classify(error.wireName()));
  }

  @Test
  void unknownJobModeIsRefusedListingValidModes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JobMode.fromWireName("Replace"));

    assertEquals(
        "unknown job mode 'Replace', valid: replace, fail, replace-irreversibly, isolate,"
            + " ignore-dependencies, ignore-requirements, flush, triggering",
        e.getMessage());
  }

  @Test
  void unknownActiveStateIsRefusedListingValidStates() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ActiveState.fromWireName("up"));

    assertEquals(
        "unknown active state 'up', valid: active, reloading, inactive, failed, activating,"
            + " deactivating, maintenance",
        e.getMessage());
  }

  @Test
  void unknownErrorNameIsClassifiedAsOther() {
    assertEquals(SystemdError.OTHER, SystemdError.classify("org.example.Error.Odd"));
    assertEquals(SystemdError.OTHER, SystemdError.classify(null));
  }

  @Test
  void onlySuccessfulJobResultIsDone() {
    for (JobResult result : JobResult.values()) {
      assertEquals(result == JobResult.DONE, result.isSuccess(), result.wireName());
    }
  }
}
