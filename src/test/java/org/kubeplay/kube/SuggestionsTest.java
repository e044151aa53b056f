package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  @ParameterizedTest
  @CsvSource({
    "comand, command",
    "imagePullPolicie, imagePullPolicy",
    "volumemounts, volumeMounts",
    "prots, ports",
    "envfrom, envFrom",
    "xyz, ''",
    "readinessProbes, readinessProbe"
  })
  void typoSuggestsTheClosestContainerField(String typo, String expected) {
    Optional<String> suggestion = Suggestions.closest(typo, Schemas.CONTAINER.allFields());

    assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), suggestion);
  }

  @ParameterizedTest
  @CsvSource({"kitten, sitting, 3", "'', abc, 3", "same, same, 0", "flaw, lawn, 2"})
  void distanceIsLevenshtein(String a, String b, int expected) {
    assertEquals(expected, Suggestions.distance(a, b));
  }
}
