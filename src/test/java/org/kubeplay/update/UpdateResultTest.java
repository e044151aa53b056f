package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UpdateResultTest {
  @ParameterizedTest
  @EnumSource(UpdateResult.class)
  void everyResultRoundTripsThroughItsWireName(UpdateResult result) {
    assertEquals(result, UpdateResult.fromWire(result.wireName()));
  }

  @Test
  void wireNamesArePodmansWords() {
    assertEquals("true", UpdateResult.UPDATED.wireName());
    assertEquals("rolled back", UpdateResult.ROLLED_BACK.wireName());
  }

  @Test
  void unknownResultListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UpdateResult.fromWire("yes"));

    assertEquals(
        "unknown update result 'yes': valid are true, false, pending, failed, rolled back",
        e.getMessage());
  }

  @Test
  void failedAndRolledBackMakeARunFail() {
    assertEquals(true, UpdateResult.FAILED.isFailure());
    assertEquals(true, UpdateResult.ROLLED_BACK.isFailure());
    assertEquals(false, UpdateResult.PENDING.isFailure());
  }
}
