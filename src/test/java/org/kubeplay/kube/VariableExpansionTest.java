package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableExpansionTest {
  private static final Map<String, String> VARIABLES =
      Map.of("A", "one", "B", "two", "EMPTY", "", "ODD NAME", "odd", "DOLLAR", "$(A)");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain|plain",
        "$(A)|one",
        "$(A)$(B)|onetwo",
        "x-$(A)-y|x-one-y",
        "$(UNKNOWN)|$(UNKNOWN)",
        "$$(A)|$(A)",
        "$$$(A)|$one",
        "$$|$",
        "cost: $5|cost: $5",
        "$|$",
        "$(A|$(A",
        "$()|$()",
        "$(EMPTY)|''",
        "$(ODD NAME)|odd",
        "$(DOLLAR)|$(A)",
        "(A)|(A)",
        "$($(A))|$($(A))"
      })
  void expandsAsKubernetesDoes(String text, String expected) {
    assertEquals(expected, VariableExpansion.expand(text, VARIABLES));
  }

  @Test
  void expandsEveryItemOfAList() {
    assertEquals(
        List.of("echo", "one", "$(A)"),
        VariableExpansion.expand(List.of("echo", "$(A)", "$$(A)"), VARIABLES));
  }
}
