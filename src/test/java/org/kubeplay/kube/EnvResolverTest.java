package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvResolverTest {
  private static final String TEXT =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: env
        labels: {tier: web}
      spec:
        containers:
          - name: main
            image: localhost/x
            envFrom:
              - configMapRef: {name: settings}
              - prefix: S_
                secretRef: {name: creds}
            env:
              - {name: LITERAL, value: plain}
              - name: MODE
                valueFrom: {configMapKeyRef: {name: settings, key: mode}}
              - name: TOKEN
                valueFrom: {secretKeyRef: {name: creds, key: token}}
              - name: POD
                valueFrom: {fieldRef: {fieldPath: metadata.name}}
              - name: TIER
                valueFrom: {fieldRef: {fieldPath: "metadata.labels['tier']"}}
              - name: GONE
                valueFrom: {configMapKeyRef: {name: absent, key: k, optional: true}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {mode: fast, color: blue}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: creds}
      data: {token: czNjcjN0}
      stringData: {user: admin}
      """;

  @Test
  void environmentResolvesEveryKindOfSourceInKubernetesOrder() throws Exception {
    Workload workload =
        new WorkloadReader(ShortNameAliases.of(Map.of())).read(Path.of("e.yaml"), TEXT);
    Pod pod = workload.pods().get(0);

    Map<String, String> environment =
        new EnvResolver(workload).environment(pod, pod.containers().get(0));

    assertEquals(
        Map.of(
            "mode", "fast", "color", "blue", "S_token", "s3cr3t", "S_user", "admin", "LITERAL",
            "plain", "MODE", "fast", "TOKEN", "s3cr3t", "POD", "env", "TIER", "web"),
        environment);
  }

  @Test
  void literalValuesExpandTheVariablesDefinedBeforeThem() throws Exception {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: refs}
        spec:
          containers:
            - name: main
              image: localhost/x
              envFrom: [{configMapRef: {name: settings}}]
              env:
                - {name: URL, value: "http://$(host):$(PORT)/"}
                - {name: PORT, value: "8080"}
                - {name: AGAIN, value: "$(PORT) $$(PORT) $(nope)"}
                - name: RAW
                  valueFrom: {configMapKeyRef: {name: settings, key: pattern}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {host: db, pattern: "$(host)"}
        """;
    Workload workload =
        new WorkloadReader(ShortNameAliases.of(Map.of())).read(Path.of("r.yaml"), text);
    Pod pod = workload.pods().get(0);

    Map<String, String> environment =
        new EnvResolver(workload).environment(pod, pod.containers().get(0));

    // PORT is defined after URL, so URL keeps its reference; values from objects stay as they are.
    assertEquals("http://db:$(PORT)/", environment.get("URL"));
    assertEquals("8080 $(PORT) $(nope)", environment.get("AGAIN"));
    assertEquals("$(host)", environment.get("RAW"));
  }
}
