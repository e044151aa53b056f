package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OptionsTest {
  @Test
  void playDefaultsToReplaceWithoutWaiting() throws Exception {
    assertEquals(new PlayOptions(true, false), PlayOptions.from(Map.of()));
  }

  @Test
  void playReadsBothFlags() throws Exception {
    PlayOptions options =
        PlayOptions.from(Map.of("replace", new Variant<>(false), "wait", new Variant<>(true)));

    assertEquals(new PlayOptions(false, true), options);
  }

  @Test
  void jobOptionsReadWait() throws Exception {
    assertEquals(
        new JobOptions(true), JobOptions.from("Stop", Map.of("wait", new Variant<>(true))));
  }

  @Test
  void updateOptionsReadUnitsAndDefaultToRollback() throws Exception {
    UpdateOptions options =
        UpdateOptions.from(
            Map.of(
                "dry_run", new Variant<>(true),
                "units", new Variant<>(List.of("a.service"), "as")));

    assertEquals(new UpdateOptions(true, true, List.of("a.service")), options);
  }

  static List<Object[]> badOptions() {
    return List.of(
        new Object[] {
          Map.of("bogus", new Variant<>(true)),
          "unknown option 'bogus' for Play: valid are replace, wait"
        },
        new Object[] {
          Map.of("wait", new Variant<>("yes")), "option 'wait' for Play must have type 'b', not 's'"
        },
        new Object[] {
          Map.of("replace", new Variant<>(1)),
          "option 'replace' for Play must have type 'b', not 'i'"
        });
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void badPlayOptionsAreInvalidArgsNamingTheKey(Map<String, Variant<?>> options, String message) {
    AgentException e = assertThrows(AgentException.class, () -> PlayOptions.from(options));

    assertEquals(AgentError.INVALID_ARGS, e.error());
    assertEquals(message, e.getMessage());
  }

  @Test
  void unitListLongerThanLimitIsInvalidArgs() {
    List<String> units = java.util.Collections.nCopies(Options.MAX_LIST_LENGTH + 1, "u.service");

    AgentException e =
        assertThrows(
            AgentException.class,
            () -> UpdateOptions.from(Map.of("units", new Variant<>(units, "as"))));

    assertEquals(
        "option 'units' for AutoUpdate has more than " + Options.MAX_LIST_LENGTH + " entries",
        e.getMessage());
  }
}
