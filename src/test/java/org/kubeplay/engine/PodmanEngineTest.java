package org.kubeplay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's handling of podman's answers, with scripted answers instead of podman. */
class PodmanEngineTest {
  private final ScriptedRunner runner = new ScriptedRunner();
  private final PodmanEngine engine = new PodmanEngine("podman", runner);

  @Test
  void failedCreateCarriesContextExitCodeAndStderr() {
    runner.answer(ProcessResult.exited(125, "", "Error: image not known\n"));
    ContainerSpec spec =
        ContainerSpec.builder("web", "server", "localhost/missing:1", owner()).build();

    EngineException error = assertThrows(EngineException.class, () -> engine.createContainer(spec));

    assertEquals(
        "creating container 'web-server': podman exited 125: Error: image not known",
        error.getMessage());
    assertEquals(125, error.exitCode());
    assertEquals("Error: image not known", error.stderr());
    assertEquals("podman", error.command().get(0));
    assertTrue(error.command().contains("--name=web-server"));
  }

  @Test
  void messageKeepsPodmansErrorAndLeavesProgressAndWarningsToStderr() {
    String stderr =
        "Trying to pull r/x:1...\n"
            + "time=\"t\" level=warning msg=\"Failed, retrying in 1s ... (1/3).\"\n"
            + "Error: initializing source docker://r/x:1: connection refused\n";
    runner.answer(ProcessResult.exited(125, "", stderr));

    EngineException error =
        assertThrows(
            EngineException.class, () -> engine.pullImage("r/x:1", Optional.empty(), line -> {}));

    assertEquals(
        "pulling image 'r/x:1': podman exited 125: Error: initializing source docker://r/x:1:"
            + " connection refused",
        error.getMessage());
    assertEquals(stderr.strip(), error.stderr());
  }

  @Test
  void messageKeepsAllOfAStderrWithoutAnErrorLine() {
    runner.answer(ProcessResult.exited(1, "", "something odd\nand more\n"));

    EngineException error = assertThrows(EngineException.class, () -> engine.startPod("web"));

    assertEquals(
        "starting pod 'web': podman exited 1: something odd\nand more", error.getMessage());
  }

  @Test
  void createReturnsTheNewId() throws EngineException {
    runner.answer(ProcessResult.exited(0, "c0ffee\n", ""));

    String id = engine.createPod(PodSpec.builder("web", owner()).build());

    assertEquals("c0ffee", id);
  }

  @Test
  void inspectOfMissingContainerIsEmpty() throws EngineException {
    runner.answer(ProcessResult.exited(125, "[]\n", "Error: no such container web-x"));

    assertEquals(Optional.empty(), engine.inspectContainer("web-x"));
  }

  @Test
  void inspectFailureOtherThanMissingIsAnError() {
    runner.answer(ProcessResult.exited(125, "", "Error: database is locked"));

    EngineException error =
        assertThrows(EngineException.class, () -> engine.inspectContainer("web-x"));

    assertEquals(
        "inspecting container 'web-x': podman exited 125: Error: database is locked",
        error.getMessage());
  }

  @Test
  void existsReadsExitCodes() throws EngineException {
    runner.answer(ProcessResult.exited(0, "", ""));
    runner.answer(ProcessResult.exited(1, "", ""));

    assertTrue(engine.podExists("web"));
    assertFalse(engine.podExists("web"));
    assertEquals(List.of("podman", "pod", "exists", "web"), runner.commands.get(0));
  }

  @Test
  void existsFailureIsAnErrorNotFalse() {
    runner.answer(ProcessResult.exited(125, "", "Error: cannot open database"));

    EngineException error = assertThrows(EngineException.class, () -> engine.volumeExists("v"));

    assertEquals(
        "checking volume 'v': podman exited 125: Error: cannot open database", error.getMessage());
  }

  @Test
  void secretExistsMatchesWholeNamesOnly() throws EngineException {
    runner.answer(ProcessResult.exited(0, "db-password\ndb\n", ""));
    runner.answer(ProcessResult.exited(0, "db-password\n", ""));

    assertTrue(engine.secretExists("db"));
    assertFalse(engine.secretExists("db"));
  }

  @Test
  void secretDataGoesThroughStdinNeverTheCommandLine() throws EngineException {
    runner.answer(ProcessResult.exited(0, "id\n", ""));

    engine.createSecret("token", "s3cret".getBytes(), Map.of("a", "b"));

    assertEquals(
        List.of("podman", "secret", "create", "--label=a=b", "token", "-"), runner.commands.get(0));
    assertEquals("s3cret", new String(runner.stdins.get(0)));
  }

  @Test
  void stopPassesWholeSecondsRoundedUp() throws EngineException {
    runner.answer(ProcessResult.exited(0, "web-server\n", ""));

    engine.stopContainer("web-server", Duration.ofMillis(2500));

    assertEquals(List.of("podman", "stop", "--time=3", "web-server"), runner.commands.get(0));
  }

  @Test
  void waitReturnsTheExitCodePodmanPrints() throws EngineException {
    runner.answer(ProcessResult.exited(0, "3\n", ""));

    assertEquals(3, engine.waitForExit("web-server"));
  }

  @Test
  void timedOutExecIsAResult() throws EngineException {
    runner.answer(new ProcessResult(EngineException.NO_EXIT_CODE, "partial", "", true));
    // The inspect that looks for the timed-out command to end it: the container is gone.
    runner.answer(ProcessResult.exited(125, "[]\n", "Error: no such container web-server"));

    ExecResult result = engine.exec("web-server", List.of("check"), Duration.ofSeconds(1));

    assertTrue(result.timedOut());
    assertFalse(result.succeeded());
    assertEquals("partial", result.output());
  }

  @Test
  void timedOutCommandSaysSo() {
    runner.answer(new ProcessResult(EngineException.NO_EXIT_CODE, "", "", true));

    EngineException error = assertThrows(EngineException.class, () -> engine.startPod("web"));

    assertEquals("starting pod 'web': podman did not finish within PT2M", error.getMessage());
  }

  @Test
  void removeByLabelTriesEveryItemAndReportsAllFailures() {
    runner.answerWhen("pod ps", ProcessResult.exited(0, podList("a", "b"), ""));
    runner.answerWhen(
        "podman ps",
        ProcessResult.exited(0, containerList("a-app:id-a", "lone:", "b-app:id-b"), ""));
    runner.answerWhen(
        "pod rm --force --time=0 a", ProcessResult.exited(125, "", "Error: a is busy"));
    runner.answerWhen(
        "pod rm --force --time=0 b", ProcessResult.exited(125, "", "Error: b is busy"));
    runner.answerWhen("rm --force --time=0 lone", ProcessResult.exited(0, "", ""));

    EngineException error =
        assertThrows(
            EngineException.class, () -> engine.removeByLabel(Labels.KUBEPLAY_FILE, "/srv/w"));

    assertEquals("removing pod 'a': podman exited 125: Error: a is busy", error.getMessage());
    assertEquals(1, error.getSuppressed().length);
    // The containers of the listed pods go with them; only the lone one is removed by itself.
    assertEquals(5, runner.commands.size(), runner.commands.toString());
  }

  @Test
  void podmanThatCannotStartIsAnEngineError() {
    PodmanEngine missing = new PodmanEngine(Path.of("/nonexistent/podman"));

    EngineException error = assertThrows(EngineException.class, () -> missing.podExists("web"));

    assertTrue(
        error.getMessage().startsWith("checking pod 'web': running podman: "), error.getMessage());
    assertEquals(EngineException.NO_EXIT_CODE, error.exitCode());
  }

  @Test
  void longStderrIsCutAtItsLimit() {
    runner.answer(ProcessResult.exited(125, "", "x".repeat(10_000)));

    EngineException error = assertThrows(EngineException.class, () -> engine.startPod("web"));

    assertEquals(EngineException.MAX_STDERR_CHARS + 3, error.stderr().length());
  }

  private static String podList(String... names) {
    List<String> items = new ArrayList<>();
    for (String name : names) {
      items.add("{\"Id\":\"id-" + name + "\",\"Name\":\"" + name + "\",\"Status\":\"Running\"}");
    }
    return "[" + String.join(",", items) + "]";
  }

  /** A container list of NAME:PODID items; an empty pod id is a container in no pod. */
  private static String containerList(String... items) {
    List<String> json = new ArrayList<>();
    for (String item : items) {
      String[] parts = item.split(":", -1);
      json.add(
          "{\"Id\":\"id-"
              + parts[0]
              + "\",\"Names\":[\""
              + parts[0]
              + "\"],\"Pod\":\""
              + parts[1]
              + "\",\"State\":\"exited\"}");
    }
    return "[" + String.join(",", json) + "]";
  }

  private static Owner owner() {
    return new Owner(Path.of("/srv/web.yaml"), Optional.empty());
  }

  /**
   * Answers each request with the result scripted for its command line, else with the next result
   * in line, and records what was asked. Requests may come from several threads.
   */
  private static final class ScriptedRunner implements ProcessRunner {
    private final Deque<ProcessResult> answers = new ArrayDeque<>();
    private final Map<String, ProcessResult> byCommand = new LinkedHashMap<>();
    final List<List<String>> commands = new ArrayList<>();
    final List<byte[]> stdins = new ArrayList<>();

    void answer(ProcessResult result) {
      answers.add(result);
    }

    /** Answers every command line that starts with {@code command} ("podman" may be left out). */
    void answerWhen(String command, ProcessResult result) {
      byCommand.put(command.startsWith("podman ") ? command : "podman " + command, result);
    }

    @Override
    public synchronized ProcessResult run(ProcessRequest request) {
      commands.add(request.command());
      stdins.add(request.stdin());
      String line = String.join(" ", request.command());
      return byCommand.entrySet().stream()
          .filter(entry -> line.startsWith(entry.getKey()))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElseGet(answers::remove);
    }
  }
}
