package org.kubeplay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against the real podman 4.3.1 and runc of the sandbox (scripts/sandbox). */
@Tag("integration")
class PodmanEngineIntegrationTest {
  private static final String IMAGE =
      Optional.ofNullable(System.getenv("KUBEPLAY_TEST_IMAGE"))
          .orElse("localhost/kubeplay-test:latest");

  /** Long enough for podman on a busy 2-core machine, short enough to fail a hang. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final PodmanEngine engine = new PodmanEngine();
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final Owner owner =
      new Owner(Path.of("/kubeplay-test/" + id + ".yaml"), Optional.of("test-" + id + ".service"));
  private final String pod = "t" + id;

  @TempDir Path folder;

  @AfterEach
  void removeEverythingTheTestMade() throws Exception {
    engine.removeByLabel(Labels.KUBEPLAY_FILE, owner.file().toString());
    engine.removeVolume("v" + id);
    engine.removeSecret("s" + id);
    assertEquals("", podman("ps", "--all", "--quiet", "--filter=label=" + fileLabel()));
  }

  @Test
  void containerRunsInItsPodWithLabelsEnvAndBindMount() throws Exception {
    Files.writeString(folder.resolve("hello.txt"), "from the host");
    engine.createPod(PodSpec.builder(pod, owner).build());
    ContainerSpec spec =
        sleeper("web")
            .env("GREETING", "hello world")
            .mount(new Mount.Bind(folder, "/data", Mount.Access.READ_ONLY))
            .autoUpdatePolicy("local")
            .build();

    engine.createContainer(spec);
    engine.startPod(pod);

    ContainerInfo info = engine.inspectContainer(pod + "-web").get();
    assertTrue(info.running());
    assertTrue(info.pid() > 0);
    assertEquals("local", info.labels().get(Labels.AUTOUPDATE));
    assertEquals(owner.unit().get(), info.labels().get(Labels.PODMAN_SYSTEMD_UNIT));
    assertEquals(PodState.RUNNING, engine.inspectPod(pod).get().state());
    assertEquals("hello world\n", output(pod + "-web", "sh", "-c", "echo \"$GREETING\""));
    assertEquals("from the host", output(pod + "-web", "cat", "/data/hello.txt"));
  }

  @Test
  void execReturnsExitCodeAndOutput() throws Exception {
    startSleeper("web");

    ExecResult result =
        engine.exec(pod + "-web", List.of("sh", "-c", "echo out; echo err >&2; exit 4"), DEADLINE);

    assertEquals(4, result.exitCode());
    assertEquals("out\nerr\n", result.output());
    assertFalse(result.timedOut());
  }

  @Test
  void execPastItsDeadlineTimesOut() throws Exception {
    startSleeper("web");

    List<String> slow = List.of("sh", "-c", "touch /tmp/started; exec sleep 31");

    ExecResult result = engine.exec(pod + "-web", slow, Duration.ofSeconds(5));

    assertTrue(result.timedOut());
    ExecResult started = engine.exec(pod + "-web", List.of("test", "-e", "/tmp/started"), DEADLINE);
    assertEquals(0, started.exitCode(), "the command never started: the check proves nothing");
    // The timed-out command does not run on in the container.
    List<String> find = List.of("sh", "-c", "ps -o args | grep -x 'sleep 31'");
    ExecResult left = engine.exec(pod + "-web", find, DEADLINE);
    assertEquals(1, left.exitCode(), "still running: " + left.output());
  }

  @Test
  void logsReturnTheLastLines() throws Exception {
    engine.createPod(PodSpec.builder(pod, owner).build());
    engine.createContainer(
        container("web").command(List.of("sh", "-c", "seq 1 10; echo last >&2")).build());
    engine.startPod(pod);
    assertEquals(0, waitForExit(pod + "-web"));

    List<String> lines = engine.logs(pod + "-web", 3);

    assertEquals(List.of("9", "10", "last"), lines);
  }

  @Test
  void stopSendsTheContainersStopSignal() throws Exception {
    engine.createPod(PodSpec.builder(pod, owner).build());
    String script = "trap 'echo got usr1; exit 5' USR1; echo trapping; while :; do sleep 0.1; done";
    engine.createContainer(
        container("web").command(List.of("sh", "-c", script)).stopSignal("SIGUSR1").build());
    engine.startPod(pod);
    awaitLogLine(pod + "-web", "trapping");
    long start = System.nanoTime();

    engine.stopContainer(pod + "-web", Duration.ofSeconds(20));

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    ContainerInfo info = engine.inspectContainer(pod + "-web").get();
    assertEquals(5, info.exitCode());
    assertTrue(info.state().hasEnded(), info.state().toString());
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "stop took " + took);
    assertTrue(engine.logs(pod + "-web", 5).contains("got usr1"));
  }

  @Test
  void waitReturnsTheExitCode() throws Exception {
    engine.createPod(PodSpec.builder(pod, owner).build());
    engine.createContainer(
        container("job").command(List.of("sh", "-c", "sleep 0.5; exit 3")).build());
    engine.startPod(pod);

    assertEquals(3, waitForExit(pod + "-job"));
  }

  @Test
  void interruptedWaitEndsWithAnErrorAndKeepsTheFlag() throws Exception {
    startSleeper("web");
    CompletableFuture<String> outcome = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                engine.waitForExit(pod + "-web");
                outcome.complete("returned");
              } catch (EngineException e) {
                outcome.complete(e.getMessage() + " " + Thread.currentThread().isInterrupted());
              }
            });
    waiter.start();

    waiter.interrupt();

    assertEquals(
        "waiting for container '" + pod + "-web': interrupted true",
        outcome.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
  }

  @Test
  void removeByLabelLeavesNothing() throws Exception {
    startSleeper("web");
    engine.createContainer(sleeper("side").build());

    engine.removeByLabel(Labels.KUBEPLAY_FILE, owner.file().toString());

    assertEquals(List.of(), engine.listPodsByLabel(Labels.KUBEPLAY_FILE, owner.file().toString()));
    assertEquals("", podman("ps", "--all", "--quiet", "--filter=label=" + fileLabel()));
    assertFalse(engine.podExists(pod));
    assertEquals(Optional.empty(), engine.inspectContainer(pod + "-web"));
  }

  @Test
  void listByLabelFindsThePodAndItsContainers() throws Exception {
    startSleeper("web");

    List<PodSummary> pods = engine.listPodsByLabel(Labels.KUBEPLAY_FILE, owner.file().toString());
    List<ContainerSummary> containers =
        engine.listContainersByLabel(Labels.KUBEPLAY_UNIT, owner.unit().get());

    assertEquals(List.of(pod), pods.stream().map(PodSummary::name).toList());
    assertTrue(containers.stream().anyMatch(c -> c.name().equals(pod + "-web")));
  }

  @Test
  void imageCanBeInspectedTaggedAndUntagged() throws Exception {
    String tag = "localhost/kubeplay-engine-test:" + id;
    ImageInfo info = engine.inspectImage(IMAGE).get();

    engine.tagImage(IMAGE, tag);

    assertTrue(engine.imageExists(tag));
    assertEquals(info.id(), engine.inspectImage(tag).get().id());
    engine.untagImage(tag, tag);
    assertFalse(engine.imageExists(tag));
    assertTrue(engine.imageExists(IMAGE));
    assertFalse(info.digests().isEmpty());
  }

  @Test
  void pullReportsProgressAndReturnsTheId() throws Exception {
    Path archive = folder.resolve("image.tar");
    podman("save", "--format=oci-archive", "--output=" + archive, IMAGE);
    List<String> progress = new CopyOnWriteArrayList<>();

    String pulled = engine.pullImage("oci-archive:" + archive, Optional.empty(), progress::add);

    assertEquals(engine.inspectImage(IMAGE).get().id(), pulled);
    assertTrue(progress.stream().anyMatch(line -> line.contains("Copying")), progress.toString());
  }

  @Test
  void missingImageIsEmptyNotAnError() throws Exception {
    assertEquals(Optional.empty(), engine.inspectImage("localhost/absent-" + id + ":1"));
    assertFalse(engine.imageExists("localhost/absent-" + id + ":1"));
  }

  @Test
  void volumeIsCreatedOnceAndRemoved() throws Exception {
    String volume = "v" + id;

    assertTrue(engine.createVolume(volume, owner.labels()));
    assertFalse(engine.createVolume(volume, owner.labels()));
    assertTrue(engine.volumeExists(volume));
    engine.removeVolume(volume);
    engine.removeVolume(volume);

    assertFalse(engine.volumeExists(volume));
  }

  @Test
  void secretIsCreatedFromBytesAndRemoved() throws Exception {
    String secret = "s" + id;

    engine.createSecret(secret, "pass\0word".getBytes(StandardCharsets.UTF_8), owner.labels());

    assertTrue(engine.secretExists(secret));
    engine.removeSecret(secret);
    assertFalse(engine.secretExists(secret));
  }

  @Test
  void engineErrorCarriesPodmansStderr() throws Exception {
    engine.createPod(PodSpec.builder(pod, owner).build());
    ContainerSpec spec = container("web").build();
    engine.createContainer(spec);

    EngineException error = assertThrows(EngineException.class, () -> engine.createContainer(spec));

    assertTrue(
        error
            .getMessage()
            .startsWith("creating container '" + pod + "-web': podman exited 125: Error: "),
        error.getMessage());
    assertTrue(error.stderr().contains("already in use"), error.stderr());
    assertEquals(125, error.exitCode());
  }

  @Test
  void stoppedPodCanBeRemovedAndRemovalIsIdempotent() throws Exception {
    startSleeper("web");

    engine.stopPod(pod, Duration.ofSeconds(1));
    engine.removePod(pod);
    engine.removePod(pod);
    engine.removeContainer(pod + "-web");

    assertFalse(engine.podExists(pod));
    assertFalse(engine.containerExists(pod + "-web"));
  }

  private void startSleeper(String name) throws EngineException {
    engine.createPod(PodSpec.builder(pod, owner).build());
    engine.createContainer(sleeper(name).build());
    engine.startPod(pod);
  }

  private ContainerSpec.Builder sleeper(String name) {
    // sleep as PID 1 ignores SIGTERM; tests stop it with a short timeout or remove it.
    return container(name).command(List.of("sleep", "300"));
  }

  private ContainerSpec.Builder container(String name) {
    return ContainerSpec.builder(pod, name, IMAGE, owner);
  }

  private String output(String container, String... command) throws EngineException {
    ExecResult result = engine.exec(container, List.of(command), DEADLINE);
    assertEquals(0, result.exitCode(), result.output());
    return result.output();
  }

  private int waitForExit(String container) throws Exception {
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return engine.waitForExit(container);
              } catch (EngineException e) {
                throw new IllegalStateException(e);
              }
            });
    return exit.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }

  /** Polls the container's log until the line appears, failing at the deadline. */
  private void awaitLogLine(String container, String line) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!engine.logs(container, 10).contains(line)) {
      assertTrue(System.nanoTime() < deadline, "no '" + line + "' in the log of " + container);
      Thread.sleep(50);
    }
  }

  private String fileLabel() {
    return Labels.KUBEPLAY_FILE + "=" + owner.file();
  }

  /** Runs podman directly, to check the engine against podman's own view. */
  private static String podman(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    return output.strip();
  }
}
