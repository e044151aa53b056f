package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kubeplay.engine.ContainerSpec;
import org.kubeplay.engine.Owner;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.ShortNameAliases;
import org.kubeplay.kube.Workload;
import org.kubeplay.kube.WorkloadReader;

class ContainerSpecsTest {
  @Test
  void commandAndArgsExpandTheContainersVariables() throws Exception {
    Workload workload =
        new WorkloadReader(ShortNameAliases.of(Map.of()))
            .read(
                Path.of("/srv/greet.yaml"),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: greet}
                spec:
                  containers:
                    - name: main
                      image: localhost/x
                      command: ["echo", "$(GREETING)"]
                      args: ["$(NAME)", "$$(NAME)", "$(MISSING)"]
                      env:
                        - {name: GREETING, value: hello}
                        - {name: NAME, value: "$(GREETING) world"}
                """);
    Pod pod = workload.pods().get(0);
    Owner owner = new Owner(Path.of("/srv/greet.yaml"), Optional.empty());
    var specs = new ContainerSpecs(workload, owner, new RuntimeDir(Path.of("/run/kubeplay/t")));

    ContainerSpec spec = specs.of(pod, pod.containers().get(0), Optional.empty(), Optional.empty());

    assertEquals(List.of("echo", "hello"), spec.command());
    assertEquals(List.of("hello world", "$(NAME)", "$(MISSING)"), spec.args());
    assertEquals("hello world", spec.env().get("NAME"));
  }
}
