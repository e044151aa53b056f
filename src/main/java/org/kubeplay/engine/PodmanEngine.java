package org.kubeplay.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The container engine as podman 4.3.1's command line, run without a shell.
 *
 * <p>Exits are learnt with {@code podman wait}, one blocking call per container: it reads the exit
 * code from podman's database, so it cannot miss an exit that happened before it was called, and it
 * does not depend on the events log. An events stream does less well in 4.3.1: its {@code died}
 * event carries no pod id, so a pod filter drops it, and a stream started just after a container
 * died never sees that death.
 */
public final class PodmanEngine implements ContainerEngine {
  private static final System.Logger LOG = System.getLogger(PodmanEngine.class.getName());

  /** How long an ordinary podman call may take; a hung one must not hang the supervisor. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  /** Stdout kept from a podman call: inspect of a large pod is tens of kilobytes. */
  public static final int MAX_OUTPUT = 8 * 1024 * 1024;

  /** Output kept from an exec, as the kubelet keeps of a probe's output (10 KiB). */
  public static final int MAX_EXEC_OUTPUT = 10 * 1024;

  /** Most log lines returned: enough for an error message, not a log viewer. */
  public static final int MAX_LOG_LINES = 1000;

  /** Podman's own limit on a secret's size, checked before podman reads it all. */
  public static final int MAX_SECRET_BYTES = 512_000;

  private final Podman podman;

  /** An engine that runs {@code podman} from the PATH. */
  public PodmanEngine() {
    this("podman", new SystemProcessRunner());
  }

  /** An engine that runs the given podman binary. */
  public PodmanEngine(Path program) {
    this(program.toString(), new SystemProcessRunner());
  }

  PodmanEngine(String program, ProcessRunner runner) {
    this.podman = new Podman(program, runner);
  }

  @Override
  public String createPod(PodSpec spec) throws EngineException {
    return podman
        .call("creating pod '" + spec.name() + "'", PodmanArgs.createPod(spec))
        .firstLine();
  }

  @Override
  public void startPod(String pod) throws EngineException {
    podman.call("starting pod '" + pod + "'", List.of("pod", "start", name("pod", pod))).checked();
  }

  @Override
  public void stopPod(String pod, Duration timeout) throws EngineException {
    List<String> args = List.of("pod", "stop", "--time=" + seconds(timeout), name("pod", pod));
    podman
        .call("stopping pod '" + pod + "'", args)
        .timeout(COMMAND_TIMEOUT.plus(timeout))
        .checked();
  }

  @Override
  public void killPod(String pod, String signal) throws EngineException {
    List<String> args =
        List.of("pod", "kill", "--signal=" + Names.requireSignal(signal), name("pod", pod));
    podman.call("killing pod '" + pod + "'", args).checked();
  }

  @Override
  public void removePod(String pod) throws EngineException {
    // --force succeeds on a missing pod too, which makes removal idempotent.
    List<String> args = List.of("pod", "rm", "--force", "--time=0", name("pod", pod));
    podman.call("removing pod '" + pod + "'", args).checked();
  }

  @Override
  public boolean podExists(String pod) throws EngineException {
    return podman
        .call("checking pod '" + pod + "'", List.of("pod", "exists", name("pod", pod)))
        .exists();
  }

  @Override
  public Optional<PodInfo> inspectPod(String pod) throws EngineException {
    String context = "inspecting pod '" + pod + "'";
    Optional<String> json =
        podman.call(context, List.of("pod", "inspect", name("pod", pod))).inspect();
    if (json.isEmpty()) {
      return Optional.empty();
    }
    return Podman.parse(context, () -> PodmanJson.pod(json.get()));
  }

  @Override
  public Optional<String> podAddress(String pod) throws EngineException {
    Optional<PodInfo> info = inspectPod(pod);
    if (info.isEmpty() || info.get().infraId().isEmpty()) {
      return Optional.empty();
    }
    String context = "finding the address of pod '" + pod + "'";
    List<String> args =
        List.of(
            "container",
            "inspect",
            "--format={{.NetworkSettings.IPAddress}}",
            info.get().infraId());
    String address = podman.call(context, args).checked().stdout().strip();
    return address.isEmpty() ? Optional.empty() : Optional.of(address);
  }

  @Override
  public List<PodSummary> listPodsByLabel(String key, String value) throws EngineException {
    String context = "listing pods labelled '" + key + "=" + value + "'";
    List<String> args =
        List.of("pod", "ps", "--filter=label=" + key + "=" + value, "--format=json");
    String json = podman.call(context, args).checked().stdout();
    return Podman.parse(context, () -> PodmanJson.podList(json));
  }

  @Override
  public String createContainer(ContainerSpec spec) throws EngineException {
    String context = "creating container '" + spec.name() + "'";
    return podman.call(context, PodmanArgs.createContainer(spec)).firstLine();
  }

  @Override
  public void startContainer(String container) throws EngineException {
    List<String> args = List.of("start", name("container", container));
    podman.call("starting container '" + container + "'", args).checked();
  }

  @Override
  public void stopContainer(String container, Duration timeout) throws EngineException {
    List<String> args = List.of("stop", "--time=" + seconds(timeout), name("container", container));
    podman
        .call("stopping container '" + container + "'", args)
        .timeout(COMMAND_TIMEOUT.plus(timeout))
        .checked();
  }

  @Override
  public void killContainer(String container, String signal) throws EngineException {
    List<String> args =
        List.of("kill", "--signal=" + Names.requireSignal(signal), name("container", container));
    podman.call("killing container '" + container + "'", args).checked();
  }

  @Override
  public void removeContainer(String container) throws EngineException {
    // --force succeeds on a missing container too, which makes removal idempotent.
    List<String> args = List.of("rm", "--force", "--time=0", name("container", container));
    podman.call("removing container '" + container + "'", args).checked();
  }

  @Override
  public boolean containerExists(String container) throws EngineException {
    List<String> args = List.of("container", "exists", name("container", container));
    return podman.call("checking container '" + container + "'", args).exists();
  }

  @Override
  public Optional<ContainerInfo> inspectContainer(String container) throws EngineException {
    String context = "inspecting container '" + container + "'";
    List<String> args = List.of("container", "inspect", name("container", container));
    Optional<String> json = podman.call(context, args).inspect();
    if (json.isEmpty()) {
      return Optional.empty();
    }
    return Podman.parse(context, () -> PodmanJson.container(json.get()));
  }

  @Override
  public List<ContainerSummary> listContainersByLabel(String key, String value)
      throws EngineException {
    return listContainers("labelled '" + key + "=" + value + "'", key + "=" + value);
  }

  @Override
  public List<ContainerSummary> listContainersWithLabel(String key) throws EngineException {
    return listContainers("with label '" + key + "'", key);
  }

  private List<ContainerSummary> listContainers(String which, String filter)
      throws EngineException {
    String context = "listing containers " + which;
    List<String> args = List.of("ps", "--all", "--filter=label=" + filter, "--format=json");
    String json = podman.call(context, args).checked().stdout();
    return Podman.parse(context, () -> PodmanJson.containerList(json));
  }

  @Override
  public void removeByLabel(String key, String value) throws EngineException {
    // Both lists at once: this runs on every start and stop, and neither needs the other.
    FutureTask<List<ContainerSummary>> containers =
        new FutureTask<>(() -> listContainersByLabel(key, value));
    new Thread(containers, "kubeplay-list").start();
    List<PodSummary> pods = listPodsByLabel(key, value);
    List<ContainerSummary> listed = await(containers);
    List<EngineException> failures = new ArrayList<>();
    for (PodSummary pod : pods) {
      collect(failures, () -> removePod(pod.name()));
    }
    // A pod's removal takes its containers along; what is left ran outside those pods.
    Set<String> removedPods = pods.stream().map(PodSummary::id).collect(Collectors.toSet());
    for (ContainerSummary container : listed) {
      if (!removedPods.contains(container.podId())) {
        collect(failures, () -> removeContainer(container.name()));
      }
    }
    if (!failures.isEmpty()) {
      EngineException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  /** The result of a podman call run on another thread, waited for however long it takes. */
  private static <T> T await(FutureTask<T> task) throws EngineException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          // The call ends by itself soon; leaving it would orphan a podman process.
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof EngineException engine) {
            throw engine;
          }
          throw new IllegalStateException("listing containers failed", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public ExecResult exec(String container, List<String> command, Duration timeout)
      throws EngineException {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("exec in '" + container + "' needs a command");
    }
    List<String> args = new ArrayList<>(List.of("exec", name("container", container)));
    args.addAll(command);
    // Start times are kept in clock ticks: a second's slack keeps our own session in.
    Instant askedAt = Instant.now().minusSeconds(1);
    ProcessResult result =
        podman
            .call("running a command in container '" + container + "'", args)
            .timeout(timeout)
            .merged()
            .outputLimit(MAX_EXEC_OUTPUT)
            .result();
    if (result.timedOut()) {
      endTimedOutExec(container, askedAt);
    }
    return new ExecResult(result.exitCode(), result.stdout(), result.timedOut());
  }

  private void endTimedOutExec(String container, Instant askedAt) {
    try {
      inspectContainer(container).ifPresent(info -> ExecReaper.reap(info.pid(), askedAt));
    } catch (EngineException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "ending a timed-out exec in {0} failed, ignoring: {1}",
          container,
          e.getMessage());
    }
  }

  @Override
  public int waitForExit(String container) throws EngineException {
    String context = "waiting for container '" + container + "'";
    List<String> args = List.of("wait", name("container", container));
    String line = podman.call(context, args).unbounded().firstLine();
    return Podman.parse(context, () -> Integer.parseInt(line));
  }

  @Override
  public List<String> logs(String container, int lines) throws EngineException {
    if (lines < 1 || lines > MAX_LOG_LINES) {
      throw new IllegalArgumentException(
          "log lines " + lines + " is not between 1 and " + MAX_LOG_LINES);
    }
    List<String> args = List.of("logs", "--tail=" + lines, name("container", container));
    // Merged, so the container's stdout and stderr lines keep their order.
    ProcessResult result =
        podman.call("reading logs of container '" + container + "'", args).merged().checked();
    return result.stdout().lines().toList();
  }

  @Override
  public boolean imageExists(String image) throws EngineException {
    List<String> args = List.of("image", "exists", Names.requireImage(image));
    return podman.call("checking image '" + image + "'", args).exists();
  }

  @Override
  public String pullImage(String image, Optional<Path> authfile, Consumer<String> progress)
      throws EngineException {
    List<String> args = new ArrayList<>(List.of("pull"));
    authfile.ifPresent(file -> args.add("--authfile=" + file));
    args.add(Names.requireImage(image));
    // No deadline of its own: a pull may be long, and the unit's start timeout, extended
    // while the pull reports progress, is the one that counts.
    ProcessResult result =
        podman.call("pulling image '" + image + "'", args).unbounded().progress(progress).checked();
    List<String> lines = result.stdout().strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Override
  public List<ContainerInfo> inspectContainers(List<String> containers) throws EngineException {
    if (containers.isEmpty()) {
      return List.of();
    }
    String context = "inspecting " + containers.size() + " containers";
    List<String> args = new ArrayList<>(List.of("container", "inspect"));
    containers.forEach(c -> args.add(name("container", c)));
    try {
      Optional<String> json = podman.call(context, args).inspect();
      if (json.isPresent()) {
        return Podman.parse(context, () -> PodmanJson.containers(json.get()));
      }
    } catch (EngineException e) {
      LOG.log(System.Logger.Level.DEBUG, "{0}, asking for each: {1}", context, e.getMessage());
    }
    // One of them is gone, and podman fails the whole call: ask for each.
    List<ContainerInfo> found = new ArrayList<>();
    for (String container : containers) {
      inspectContainer(container).ifPresent(found::add);
    }
    return found;
  }

  @Override
  public Map<String, ImageInfo> inspectImages(List<String> images) throws EngineException {
    List<String> asked = images.stream().distinct().toList();
    Map<String, ImageInfo> found = new LinkedHashMap<>();
    if (asked.isEmpty()) {
      return found;
    }
    String context = "inspecting " + asked.size() + " images";
    List<String> args = new ArrayList<>(List.of("image", "inspect"));
    asked.forEach(image -> args.add(Names.requireImage(image)));
    try {
      Optional<String> json = podman.call(context, args).inspect();
      if (json.isPresent()) {
        // podman answers in the order asked.
        List<ImageInfo> infos = Podman.parse(context, () -> PodmanJson.images(json.get()));
        for (int i = 0; i < infos.size() && i < asked.size(); i++) {
          found.put(asked.get(i), infos.get(i));
        }
        return found;
      }
    } catch (EngineException e) {
      LOG.log(System.Logger.Level.DEBUG, "{0}, asking for each: {1}", context, e.getMessage());
    }
    for (String image : asked) {
      inspectImage(image).ifPresent(info -> found.put(image, info));
    }
    return found;
  }

  @Override
  public Optional<ImageInfo> inspectImage(String image) throws EngineException {
    String context = "inspecting image '" + image + "'";
    List<String> args = List.of("image", "inspect", Names.requireImage(image));
    Optional<String> json = podman.call(context, args).inspect();
    if (json.isEmpty()) {
      return Optional.empty();
    }
    return Podman.parse(context, () -> PodmanJson.image(json.get()));
  }

  @Override
  public void tagImage(String source, String target) throws EngineException {
    List<String> args = List.of("tag", Names.requireImage(source), Names.requireImage(target));
    podman.call("tagging image '" + source + "' as '" + target + "'", args).checked();
  }

  @Override
  public void untagImage(String image, String name) throws EngineException {
    List<String> args = List.of("untag", Names.requireImage(image), Names.requireImage(name));
    podman.call("untagging '" + name + "' from image '" + image + "'", args).checked();
  }

  @Override
  public void removeImage(String image) throws EngineException {
    List<String> args = List.of("rmi", Names.requireImage(image));
    podman.call("removing image '" + image + "'", args).checked();
  }

  @Override
  public boolean volumeExists(String volume) throws EngineException {
    List<String> args = List.of("volume", "exists", name("volume", volume));
    return podman.call("checking volume '" + volume + "'", args).exists();
  }

  @Override
  public boolean createVolume(String volume, Map<String, String> labels) throws EngineException {
    Names.requireLabels(labels);
    if (volumeExists(volume)) {
      return false;
    }
    List<String> args = new ArrayList<>(List.of("volume", "create"));
    labels.forEach((key, value) -> args.add("--label=" + key + "=" + value));
    args.add(volume);
    podman.call("creating volume '" + volume + "'", args).checked();
    return true;
  }

  @Override
  public void removeVolume(String volume) throws EngineException {
    if (volumeExists(volume)) {
      podman.call("removing volume '" + volume + "'", List.of("volume", "rm", volume)).checked();
    }
  }

  @Override
  public boolean secretExists(String secret) throws EngineException {
    name("secret", secret);
    // Podman 4.3.1 has no `secret exists`, and its name filter matches substrings.
    List<String> args = List.of("secret", "ls", "--noheading", "--format={{.Name}}");
    String names = podman.call("checking secret '" + secret + "'", args).checked().stdout();
    return names.lines().anyMatch(secret::equals);
  }

  @Override
  public void createSecret(String secret, byte[] data, Map<String, String> labels)
      throws EngineException {
    Names.requireLabels(labels);
    if (data.length == 0 || data.length > MAX_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "secret '" + secret + "' has " + data.length + " bytes, not 1 to " + MAX_SECRET_BYTES);
    }
    List<String> args = new ArrayList<>(List.of("secret", "create"));
    labels.forEach((key, value) -> args.add("--label=" + key + "=" + value));
    args.add(name("secret", secret));
    args.add("-");
    podman.call("creating secret '" + secret + "'", args).stdin(data).checked();
  }

  @Override
  public void removeSecret(String secret) throws EngineException {
    if (secretExists(secret)) {
      podman.call("removing secret '" + secret + "'", List.of("secret", "rm", secret)).checked();
    }
  }

  private static String name(String kind, String name) {
    return Names.requireName(kind, name);
  }

  private static void collect(List<EngineException> failures, Step step) {
    try {
      step.run();
    } catch (EngineException e) {
      failures.add(e);
    }
  }

  /** Podman takes whole seconds; a part of a second counts as one more. */
  private static long seconds(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout " + timeout + " is negative");
    }
    return (timeout.toMillis() + 999) / 1000;
  }

  /** One removal of several, whose failure must not stop the others. */
  @FunctionalInterface
  private interface Step {
    void run() throws EngineException;
  }
}
