package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateOptionsTest {
  @Test
  void defaultsUpdateEveryUnitWithRollback() {
    UpdateOptions options = UpdateOptions.all();

    assertEquals(false, options.dryRun());
    assertEquals(true, options.rollback());
    assertEquals(List.of(), options.units());
    assertEquals(Optional.empty(), options.authfile());
  }

  @Test
  void unitsAreCopied() {
    List<String> units = new ArrayList<>(List.of("podman-kube@a.service"));
    UpdateOptions options = UpdateOptions.all().forUnits(units);

    units.clear();

    assertEquals(List.of("podman-kube@a.service"), options.units());
    assertEquals(true, options.asDryRun().dryRun());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "web", "web.timer", "a/b.service", "a b.service", "x\n.service"})
  void nonServiceUnitNameIsRefused(String unit) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> UpdateOptions.all().forUnits(List.of(unit)));

    assertEquals(
        "auto-update options: unit '" + unit + "' is not a service unit name", e.getMessage());
  }

  @Test
  void tooManyUnitsAreRefused() {
    List<String> units = Collections.nCopies(UpdateOptions.MAX_UNITS + 1, "a.service");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UpdateOptions.all().forUnits(units));

    assertEquals("auto-update options: 1025 units, at most 1024", e.getMessage());
  }
}
