package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples a newcomer plays first must be valid without a single warning. */
class ExamplesTest {
  @ParameterizedTest
  @ValueSource(strings = {"notify-ready.yaml", "web.yaml", "multi.yaml"})
  void exampleValidatesCleanly(String name) throws Exception {
    WorkloadReader reader = new WorkloadReader(ShortNameAliases.of(Map.of()));

    Workload workload = reader.read(Path.of("examples", name));

    assertEquals(List.of(), workload.warnings());
    assertEquals(1, workload.pods().size());
  }
}
