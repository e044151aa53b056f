package org.kubeplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kubeplay.kube.Workload;
import org.kubeplay.kube.WorkloadReader;

/**
 * Keeps the man pages clean: each renders without a single warning under groff and, where it is
 * installed, mandoc; and the YAML examples of kubeplay-kube(5) are valid workloads.
 */
class ManPagesTest {
  private static final Path MAN = Path.of("man");

  /** A formatter that takes longer than this on one page is hanging, not working. */
  private static final long FORMATTER_TIMEOUT_SECONDS = 30;

  static Stream<Path> pages() throws IOException {
    try (Stream<Path> files = Files.list(MAN)) {
      return files.filter(ManPagesTest::isPage).sorted().toList().stream();
    }
  }

  @Test
  void manFolderHoldsTheFourDocumentedPages() throws IOException {
    List<String> names = pages().map(p -> p.getFileName().toString()).toList();

    assertEquals(
        List.of("kubeplay-kube.5", "kubeplay.1", "kubeplayd.8", "org.kubeplay.Agent1.5"), names);
  }

  @ParameterizedTest
  @MethodSource("pages")
  void pageRendersWithoutGroffWarnings(Path page) throws Exception {
    Output output = run("groff", "-man", "-ww", "-z", page.toString());

    assertEquals("", output.text(), "groff output for " + page);
    assertEquals(0, output.exitCode(), "groff exit code for " + page);
  }

  @ParameterizedTest
  @MethodSource("pages")
  void pageHasNoMandocWarnings(Path page) throws Exception {
    assertTrue(onPath("mandoc"), "mandoc is not installed: scripts/test installs it");
    Output output = run("mandoc", "-Tlint", "-Wwarning", page.toString());

    assertEquals("", output.text(), "mandoc output for " + page);
    assertEquals(0, output.exitCode(), "mandoc exit code for " + page);
  }

  @Test
  void yamlExamplesOfTheKubePageAreValidWorkloads() throws Exception {
    List<String> examples = yamlExamples(MAN.resolve("kubeplay-kube.5"));

    assertFalse(examples.isEmpty(), "kubeplay-kube.5 has no YAML example");
    for (int i = 0; i < examples.size(); i++) {
      Workload workload =
          new WorkloadReader().read(Path.of("kubeplay-kube.5-example-" + i), examples.get(i));
      assertTrue(workload.warnings().isEmpty(), "warnings: " + workload.warnings());
    }
  }

  private static boolean isPage(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().matches(".+\\.[1-8]");
  }

  /**
   * Returns the text of every .EX/.EE block that starts with an apiVersion, roff escapes undone.
   */
  private static List<String> yamlExamples(Path page) throws IOException {
    List<String> examples = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      if (line.equals(".EX")) {
        block = new StringBuilder();
      } else if (line.equals(".EE") && block != null) {
        if (block.toString().startsWith("apiVersion:")) {
          examples.add(block.toString());
        }
        block = null;
      } else if (block != null) {
        block.append(unescape(line)).append('\n');
      }
    }
    return examples;
  }

  private static String unescape(String roff) {
    return roff.replace("\\-", "-").replace("\\(aq", "'").replace("\\e", "\\");
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(":"))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
  }

  /** What a formatter printed on stdout and stderr together, and how it exited. */
  private record Output(String text, int exitCode) {}

  private static Output run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    // Read on another thread, so that a formatter that hangs cannot hang the test too.
    CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> readAll(process));
    if (!process.waitFor(FORMATTER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end");
    }
    return new Output(text.get(FORMATTER_TIMEOUT_SECONDS, TimeUnit.SECONDS), process.exitValue());
  }

  private static String readAll(Process process) {
    try {
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the formatter's output", e);
    }
  }
}
