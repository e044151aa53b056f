package org.kubeplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through {@link Kubeplay#run} with the streams a terminal would have. */
class ValidateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Kubeplay.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void validFilesExitZeroWithOneSummaryLineEach() {
    int exitCode = run("validate", "examples/web.yaml", "examples/multi.yaml");

    assertEquals(0, exitCode);
    assertEquals(
        "examples/web.yaml: ok: 1 pod (web), 1 container; sdnotify web/server=healthy\n"
            + "examples/multi.yaml: ok: 1 pod (multi-pod), 2 containers; autoupdate"
            + " multi-pod/app=registry multi-pod/sidecar=local\n",
        out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void invalidFileExitsOneWithAllItsErrorsOnStderr() {
    Path bad = Path.of("src/test/resources/kube/bad/many-errors.yaml");

    int exitCode = run("validate", "examples/notify-ready.yaml", bad.toString());

    assertEquals(1, exitCode);
    assertEquals(
        "examples/notify-ready.yaml: ok: 1 pod (notify-ready), 1 container; sdnotify"
            + " notify-ready/worker=container\n",
        out.toString());
    List<String> lines = err.toString().lines().toList();
    assertEquals(6, lines.size());
    assertEquals(
        bad
            + ":6:18: spec.restartPolicy: unknown restartPolicy 'Sometimes': valid are"
            + " Always, OnFailure, Never",
        lines.get(0));
    assertEquals(bad + ": invalid: 5 error(s)", lines.get(5));
  }

  @Test
  void warningsGoToStderrAndTheFileStillPasses(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("w.yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: w}
        spec:
          tolerations: []
          containers: [{name: main, image: localhost/x}]
        """);

    int exitCode = run("validate", file.toString());

    assertEquals(0, exitCode);
    assertEquals(
        file
            + ":5:3: warning: spec.tolerations: kubeplay cannot honour 'tolerations',"
            + " ignoring it\n",
        err.toString());
  }

  @Test
  void missingFileArgumentIsAUsageError() {
    int exitCode = run("validate");

    assertEquals(Kubeplay.EXIT_USAGE, exitCode);
    assertTrue(err.toString().startsWith("Missing required parameter: 'FILE'"), err.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(Kubeplay.EXIT_USAGE, run("validate", "--yaml", "examples/web.yaml"));
  }

  @Test
  void jsonPrintsTheWholeModel() throws Exception {
    int exitCode = run("validate", "--json", "examples/multi.yaml");

    Map<String, Object> model = JSON.std.mapFrom(out.toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> pod = ((List<Map<String, Object>>) model.get("pods")).get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> app = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    assertEquals(0, exitCode);
    assertEquals("multi-pod", pod.get("name"));
    assertEquals("Deployment", pod.get("kind"));
    assertEquals("registry", app.get("autoUpdate"));
    assertEquals("localhost:5000/kubeplay-test:latest", app.get("qualifiedImage"));
    assertEquals(
        Map.of(
            "name",
            "GREETING",
            "source",
            Map.of(
                "type",
                "keyRef",
                "source",
                "ConfigMap",
                "name",
                "multi-config",
                "key",
                "greeting",
                "optional",
                false)),
        ((List<?>) app.get("env")).get(0));
  }
}
