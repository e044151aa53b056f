package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadReaderTest {
  private final WorkloadReader reader =
      new WorkloadReader(ShortNameAliases.of(Map.of("alpine", "docker.io/library/alpine")));

  /** A pod with one container "main" whose extra fields are {@code fields}, 6 spaces in. */
  private static String podWith(String fields) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          volumes:
            - name: data
              emptyDir: {}
          containers:
            - name: main
              image: localhost/kubeplay-test:latest
        """
        + fields.indent(6);
  }

  static Stream<Arguments> containerFields() {
    return Stream.of(
        field("command: [sh, -c, 'echo hi']", Container::command, List.of("sh", "-c", "echo hi")),
        field("args: [a, b]", Container::args, List.of("a", "b")),
        field("workingDir: /srv", Container::workingDir, Optional.of("/srv")),
        field("imagePullPolicy: Never", Container::pullPolicy, PullPolicy.NEVER),
        field("stdin: true", Container::stdin, true),
        field("tty: true", Container::tty, true),
        field("lifecycle: {stopSignal: SIGINT}", Container::stopSignal, Optional.of("SIGINT")),
        field(
            "env: [{name: A, value: '1'}]",
            Container::env,
            List.of(new EnvVar("A", new EnvSource.Literal("1")))),
        field(
            "env: [{name: N, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]",
            Container::env,
            List.of(new EnvVar("N", new EnvSource.FieldRef("metadata.name")))),
        field(
            "env: [{name: S, valueFrom: {secretKeyRef: {name: s, key: k, optional: true}}}]",
            Container::env,
            List.of(new EnvVar("S", new EnvSource.KeyRef(SourceKind.SECRET, "s", "k", true)))),
        field(
            "envFrom: [{prefix: X_, configMapRef: {name: c, optional: true}}]",
            Container::envFrom,
            List.of(new EnvFrom(SourceKind.CONFIG_MAP, "c", "X_", true))),
        field(
            "ports: [{containerPort: 53, hostPort: 5353, hostIP: 127.0.0.1, protocol: UDP}]",
            Container::ports,
            List.of(new Port(53, 5353, Optional.of("127.0.0.1"), Protocol.UDP, Optional.empty()))),
        field(
            "volumeMounts: [{name: data, mountPath: /data, readOnly: true}]",
            Container::volumeMounts,
            List.of(new VolumeMount("data", "/data", true, Optional.empty()))),
        field(
            "resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {cpu: 1.5, memory: 1G}}",
            Container::resources,
            new Resources(
                Optional.of(250L),
                Optional.of(1500L),
                Optional.of(64L << 20),
                Optional.of(1_000_000_000L))),
        field(
            "securityContext: {runAsUser: 1000, runAsGroup: 100, privileged: true,"
                + " readOnlyRootFilesystem: true, capabilities: {add: [NET_ADMIN], drop: [ALL]}}",
            Container::securityContext,
            new SecurityContext(
                Optional.of(1000L),
                Optional.of(100L),
                true,
                true,
                List.of("NET_ADMIN"),
                List.of("ALL"))),
        field(
            "livenessProbe: {exec: {command: ['true']}}",
            c -> c.probes().liveness(),
            Optional.of(new Probe(new ProbeAction.Exec(List.of("true")), 0, 10, 1, 1, 3))),
        field(
            "ports: [{name: http, containerPort: 8080}]\n"
                + "readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 2,"
                + " timeoutSeconds: 3, successThreshold: 2, failureThreshold: 5,"
                + " initialDelaySeconds: 4}",
            c -> c.probes().readiness(),
            Optional.of(
                new Probe(
                    new ProbeAction.HttpGet(
                        "/healthz", 8080, Optional.empty(), HttpScheme.HTTP, List.of()),
                    4,
                    2,
                    3,
                    2,
                    5))),
        field(
            "startupProbe: {tcpSocket: {port: 6379}}",
            c -> c.probes().startup(),
            Optional.of(
                new Probe(new ProbeAction.TcpSocket(6379, Optional.empty()), 0, 10, 1, 1, 3))));
  }

  private static Arguments field(String yaml, Function<Container, Object> actual, Object expected) {
    return Arguments.of(yaml, actual, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containerFields")
  void containerFieldReachesTheModel(
      String yaml, Function<Container, Object> actual, Object expected) throws Exception {
    String text = podWith(yaml) + configMapAndSecret();

    Workload workload = reader.read(Path.of("p.yaml"), text);

    assertEquals(expected, actual.apply(workload.pods().get(0).containers().get(0)));
  }

  private static String configMapAndSecret() {
    return """
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        stringData: {k: v}
        """;
  }

  @Test
  void defaultsFollowKubernetesAndPodman() throws Exception {
    Pod pod = reader.read(Path.of("p.yaml"), podWith("")).pods().get(0);
    Container main = pod.containers().get(0);

    assertEquals(RestartPolicy.ALWAYS, pod.restartPolicy());
    assertEquals(30, pod.terminationGracePeriodSeconds());
    assertEquals(ExitCodePropagation.NONE, pod.exitCodePropagation());
    assertEquals(SdNotifyPolicy.CONMON, main.sdNotify());
    assertEquals(AutoUpdatePolicy.DISABLED, main.autoUpdate());
    assertEquals(PullPolicy.IF_NOT_PRESENT, main.pullPolicy());
    assertEquals(Probes.NONE, main.probes());
  }

  @Test
  void deploymentPodIsNamedAfterTheDeploymentAndTemplateAnnotationsWin() throws Exception {
    String text =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            io.containers.sdnotify: ignore
            io.containers.autoupdate: local
            io.kubeplay.exit-code-propagation: any
        spec:
          template:
            metadata:
              annotations:
                io.containers.sdnotify: container
                io.containers.autoupdate/b: image
                io.containers.autoupdate.authfile/b: /etc/auth.json
            spec:
              terminationGracePeriodSeconds: 5
              hostNetwork: true
              hostname: box
              containers:
                - {name: a, image: localhost/x}
                - {name: b, image: alpine:3.19}
        """;

    Pod pod = reader.read(Path.of("d.yaml"), text).pods().get(0);

    assertEquals("web-pod", pod.name());
    assertEquals(Kind.DEPLOYMENT, pod.kind());
    assertEquals(ExitCodePropagation.ANY, pod.exitCodePropagation());
    assertEquals(5, pod.terminationGracePeriodSeconds());
    assertTrue(pod.hostNetwork());
    assertEquals(Optional.of("box"), pod.hostname());
    Container a = pod.containers().get(0);
    Container b = pod.containers().get(1);
    assertEquals(
        List.of(SdNotifyPolicy.CONTAINER, SdNotifyPolicy.CONTAINER),
        List.of(a.sdNotify(), b.sdNotify()));
    assertEquals(
        List.of(AutoUpdatePolicy.LOCAL, AutoUpdatePolicy.REGISTRY),
        List.of(a.autoUpdate(), b.autoUpdate()));
    assertEquals(Optional.empty(), a.authfile());
    assertEquals(Optional.of("/etc/auth.json"), b.authfile());
    assertEquals(Optional.of("docker.io/library/alpine:3.19"), b.qualifiedImage());
  }

  @Test
  void jobPodDefaultsToNeverRestartAndRefusesAlways() throws Exception {
    String job =
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once}
        spec:
          template:
            spec:
              containers: [{name: main, image: localhost/x}]
        """;

    Pod pod = reader.read(Path.of("j.yaml"), job).pods().get(0);
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () -> reader.read(Path.of("j.yaml"), job + "      restartPolicy: Always\n"));

    assertEquals("once-pod", pod.name());
    assertEquals(RestartPolicy.NEVER, pod.restartPolicy());
    assertEquals(
        "j.yaml:8:22: spec.template.spec.restartPolicy: must be one of [Never, OnFailure]"
            + " here, got 'Always'",
        e.errors().get(0).toString());
  }

  @Test
  void listItemsAndDaemonSetAreRead() throws Exception {
    String text =
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  containers: [{name: main, image: localhost/x}]
          - apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: claim}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """;

    Workload workload = reader.read(Path.of("l.yaml"), text);

    assertEquals("agent-pod", workload.pods().get(0).name());
    assertEquals(
        List.of(
            new PersistentVolumeClaim("claim", List.of("ReadWriteOnce"), Optional.of(1L << 30))),
        workload.persistentVolumeClaims());
  }

  @Test
  void whatKubeplayCannotHonourIsAWarningThatNamesIt() throws Exception {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: test_pod}
        spec:
          nodeSelector: {disk: ssd}
          containers: [{name: main, image: localhost/x}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        """;

    Workload workload = reader.read(Path.of("w.yaml"), text);

    assertEquals(
        List.of(
            "w.yaml:3:18: warning: metadata.name: Kubernetes would refuse the name 'test_pod'"
                + " (not an RFC 1123 subdomain); podman accepts it",
            "w.yaml:5:3: warning: spec.nodeSelector: kubeplay cannot honour 'nodeSelector',"
                + " ignoring it",
            "w.yaml:9:7: warning: kind: kubeplay cannot run a Service, ignoring it"),
        workload.warnings().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void registryAutoUpdateNeedsAResolvableImage() {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations: {io.containers.autoupdate: registry}
        spec:
          containers: [{name: main, image: busybox}]
        """;

    ManifestException e =
        assertThrows(ManifestException.class, () -> reader.read(Path.of("r.yaml"), text));

    assertEquals(
        "r.yaml:7:36: spec.containers[0].image: autoupdate policy 'registry' needs a"
            + " fully qualified image, and 'busybox' has no registry host nor a short-name alias in"
            + " registries.conf",
        e.errors().get(0).toString());
  }

  @Test
  void wrongApiVersionForAKnownKindSaysTheRightOne() {
    String text = "apiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n";

    ManifestException e =
        assertThrows(ManifestException.class, () -> reader.read(Path.of("v.yaml"), text));

    assertEquals(
        "v.yaml:1:13: apiVersion: kind 'Deployment' has apiVersion 'apps/v1', not 'v1'",
        e.errors().get(0).toString());
  }

  @Test
  void missingOptionalReferenceIsOnlyAWarning() throws Exception {
    String text = podWith("envFrom: [{secretRef: {name: nope, optional: true}}]");

    Workload workload = reader.read(Path.of("o.yaml"), text);

    assertEquals(
        "o.yaml:12:36: warning: spec.containers[0].envFrom[0].secretRef.name: Secret"
            + " 'nope' is not defined in this file; it is optional, so skipped",
        workload.warnings().get(0).toString());
  }

  @Test
  void unknownPolicyValueListsTheValidOnes() {
    String text =
        podWith("")
            .replace(
                "name: p\n", "name: p\n  annotations: {io.containers.autoupdate: sometimes}\n");

    ManifestException e =
        assertThrows(ManifestException.class, () -> reader.read(Path.of("u.yaml"), text));

    assertEquals(
        "u.yaml:5:43: metadata.annotations['io.containers.autoupdate']: unknown"
            + " autoupdate policy 'sometimes': valid are registry, local, disabled, image",
        e.errors().get(0).toString());
  }
}
