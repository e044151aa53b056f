package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The corpus of broken and hostile files under src/test/resources/kube/bad. */
// A guard against a parser that hangs on hostile input, not a speed check: speed is for bench/.
@Timeout(60)
class BadManifestTest {
  private static final Path CORPUS = Path.of("src/test/resources/kube/bad");

  private final WorkloadReader reader = new WorkloadReader(ShortNameAliases.of(Map.of()));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          typo-field.yaml | typo-field.yaml:9:7: spec.containers[0].comand: unknown field 'comand' in Container, did you mean 'command'?
          bad-port.yaml | bad-port.yaml:14:26: spec.containers[1].ports[0].containerPort: must be 1-65535, got 70000
          duplicate-host-port.yaml | duplicate-host-port.yaml:16:21: spec.containers[1].ports[0].hostPort: host port 8080/TCP is already used by spec.containers[0].ports[0].hostPort
          missing-volume.yaml | missing-volume.yaml:13:17: spec.containers[0].volumeMounts[0].name: no volume named 'data' in spec.volumes
          missing-configmap.yaml | missing-configmap.yaml:13:21: spec.containers[0].env[0].valueFrom.configMapKeyRef.name: ConfigMap 'settings' is not defined in this file
          unknown-kind.yaml | unknown-kind.yaml:11:7: kind: unknown kind 'Widget' with apiVersion 'example.com/v1'
          annotation-unknown-container.yaml | annotation-unknown-container.yaml:6:5: metadata.annotations['io.containers.sdnotify/ghost']: names container 'ghost', which is not in the pod (containers: main)
          healthy-without-probe.yaml | healthy-without-probe.yaml:6:29: metadata.annotations['io.containers.sdnotify']: sdnotify policy 'healthy' needs a livenessProbe, readinessProbe or startupProbe on container 'main'
          bad-quantity.yaml | bad-quantity.yaml:11:19: spec.containers[0].resources.limits['memory']: invalid quantity '12 parsecs': expected a non-negative number with an optional suffix, such as 500m, 128Mi or 1G
          bad-name.yaml | bad-name.yaml:4:9: metadata.name: invalid name '-not a name': must match [a-zA-Z0-9][a-zA-Z0-9_.-]* and have at most 253 characters
          billion-laughs.yaml | billion-laughs.yaml:7:23: more than 50 aliases to mappings or sequences (an alias bomb?)
          deep-nesting.yaml | deep-nesting.yaml:1:67: mappings and sequences nested deeper than 64 levels
          too-many-documents.yaml | too-many-documents.yaml:500:1: more than 100 YAML documents in one file
          custom-tag.yaml | custom-tag.yaml:8:14: tag 'tag:yaml.org,2002:java.io.File' is not allowed: only the YAML core tags are
          duplicate-key.yaml | duplicate-key.yaml:9:7: spec.containers[0].image: duplicate field, first set on line 8
          not-a-mapping.yaml | not-a-mapping.yaml:1:1: a Kubernetes object must be a mapping, got a sequence
          binary-garbage.bin | binary-garbage.bin:3:1: not UTF-8 text: invalid byte 0x89 at offset 25
          """)
  void corpusFileIsRefusedWithItsExactError(String file, String expected) {
    ManifestException e = assertThrows(ManifestException.class, () -> readCorpus(file));

    assertEquals(List.of(expected), e.errors().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void everyErrorOfAFileIsReportedInTextOrder() {
    ManifestException e =
        assertThrows(ManifestException.class, () -> readCorpus("many-errors.yaml"));

    assertEquals(
        List.of(
            "many-errors.yaml:6:18: spec.restartPolicy: unknown restartPolicy 'Sometimes': valid"
                + " are Always, OnFailure, Never",
            "many-errors.yaml:11:26: spec.containers[0].ports[0].containerPort: must be 1-65535,"
                + " got 0",
            "many-errors.yaml:13:9: spec.containers[0].readinessProbe: needs exactly one of exec,"
                + " httpGet or tcpSocket",
            "many-errors.yaml:13:24: spec.containers[0].readinessProbe.periodSeconds: must be"
                + " 1-3600, got 0",
            "many-errors.yaml:14:7: spec.containers[1].image: required field is missing"),
        e.errors().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void billionLaughsIsRefusedFast() {

    assertThrows(ManifestException.class, () -> readCorpus("billion-laughs.yaml"));
  }

  @Test
  void deepNestingIsRefusedFast() {

    assertThrows(ManifestException.class, () -> readCorpus("deep-nesting.yaml"));
  }

  @Test
  void oversizedFileIsRefusedBeforeParsing() throws IOException {
    Path big = Files.createTempFile("oversized", ".yaml");
    try {
      Files.write(big, new byte[YamlLoader.MAX_FILE_BYTES + 10]);

      ManifestException e = assertThrows(ManifestException.class, () -> reader.read(big));

      assertEquals(
          big + ": file has 1048577 bytes, more than the limit of 1048576",
          e.errors().get(0).toString());
    } finally {
      Files.delete(big);
    }
  }

  @Test
  void unreadableFileIsADiagnosticWithItsCause() {
    Path missing = Path.of("no/such/file.yaml");

    ManifestException e = assertThrows(ManifestException.class, () -> reader.read(missing));

    assertEquals(
        "no/such/file.yaml: cannot read the file: no such file", e.errors().get(0).toString());
    assertEquals(java.nio.file.NoSuchFileException.class, e.getCause().getClass());
  }

  @Test
  void directoryIsRefusedByName(@TempDir Path dir) {
    ManifestException e = assertThrows(ManifestException.class, () -> reader.read(dir));

    assertEquals(
        dir + ": cannot read the file: it is a directory, not a manifest file",
        e.errors().get(0).toString());
  }

  /** A named pipe would block the reader until a writer came: it is refused without opening. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void namedPipeIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

    ManifestException e = assertThrows(ManifestException.class, () -> reader.read(fifo));

    assertEquals(
        fifo + ": cannot read the file: it is not a regular file but a pipe, socket or device",
        e.errors().get(0).toString());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void endlessDeviceIsRefused() {
    ManifestException e =
        assertThrows(ManifestException.class, () -> reader.read(Path.of("/dev/zero")));

    assertEquals(
        "/dev/zero: cannot read the file: it is not a regular file but a pipe, socket or device",
        e.errors().get(0).toString());
  }

  @Test
  void emptyFileHasNoObject() {
    ManifestException e =
        assertThrows(ManifestException.class, () -> reader.read(Path.of("empty.yaml"), "---\n"));

    assertEquals("empty.yaml: no Kubernetes object in the file", e.errors().get(0).toString());
  }

  private Workload readCorpus(String file) throws IOException, ManifestException {
    return reader.read(Path.of(file), Files.readAllBytes(CORPUS.resolve(file)));
  }
}
