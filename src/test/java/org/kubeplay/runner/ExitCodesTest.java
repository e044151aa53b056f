package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubeplay.kube.ExitCodePropagation;

class ExitCodesTest {
  @ParameterizedTest(name = "{0} of [{1}] is {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "none; 0 0; 0",
        "none; 1 2; 0",
        "any; 0 0; 0",
        "any; 0 3; 3",
        "any; 4 3; 4",
        "all; 0 3; 0",
        "all; 4 3; 3",
        "all; 5; 5",
        "all; 0; 0",
      })
  void propagatesByRule(String rule, String codes, int expected) {
    List<Integer> list = java.util.Arrays.stream(codes.split(" ")).map(Integer::valueOf).toList();

    int code = ExitCodes.propagate(ExitCodePropagation.fromWire(rule), list);

    assertEquals(expected, code);
  }

  @ParameterizedTest
  @CsvSource({"none", "any", "all"})
  void noContainersMeansSuccess(String rule) {
    assertEquals(0, ExitCodes.propagate(ExitCodePropagation.fromWire(rule), List.of()));
  }
}
