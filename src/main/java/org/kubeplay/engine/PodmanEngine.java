package org.kubeplay.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The container engine as podman 4.3.1's command line, run without a shell.
 *
 * <p>Exits are learnt with {@code podman wait}, one blocking call per container: it reads the exit
 * code from podman's database, so it cannot miss an exit that happened before it was called, and it
 * does not depend on the events log. An events stream could not do as well in 4.3.1: its {@code
 * died} event carries no pod id, so a pod filter drops it, and a stream started after a container
 * died never sees that death.
 */
public final class PodmanEngine implements ContainerEngine {
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

  private static final System.Logger LOG = System.getLogger(PodmanEngine.class.getName());

  private static final Consumer<String> NO_PROGRESS = line -> {};

  private final String program;
  private final ProcessRunner runner;

  /** An engine that runs {@code podman} from the PATH. */
  public PodmanEngine() {
    this("podman", new SystemProcessRunner());
  }

  /** An engine that runs the given podman binary. */
  public PodmanEngine(Path podman) {
    this(podman.toString(), new SystemProcessRunner());
  }

  PodmanEngine(String program, ProcessRunner runner) {
    this.program = Objects.requireNonNull(program, "program");
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  @Override
  public String createPod(PodSpec spec) throws EngineException {
    String context = "creating pod '" + spec.name() + "'";
    return firstLine(checked(context, request(PodmanArgs.createPod(spec))));
  }

  @Override
  public void startPod(String pod) throws EngineException {
    Names.requireName("pod", pod);
    checked("starting pod '" + pod + "'", request(List.of("pod", "start", pod)));
  }

  @Override
  public void stopPod(String pod, Duration timeout) throws EngineException {
    Names.requireName("pod", pod);
    List<String> args = List.of("pod", "stop", "--time=" + seconds(timeout), pod);
    checked("stopping pod '" + pod + "'", request(args, COMMAND_TIMEOUT.plus(timeout)));
  }

  @Override
  public void killPod(String pod, String signal) throws EngineException {
    Names.requireName("pod", pod);
    List<String> args = List.of("pod", "kill", "--signal=" + Names.requireSignal(signal), pod);
    checked("killing pod '" + pod + "'", request(args));
  }

  @Override
  public void removePod(String pod) throws EngineException {
    Names.requireName("pod", pod);
    // --force succeeds on a missing pod too, which makes removal idempotent.
    checked(
        "removing pod '" + pod + "'", request(List.of("pod", "rm", "--force", "--time=0", pod)));
  }

  @Override
  public boolean podExists(String pod) throws EngineException {
    Names.requireName("pod", pod);
    return exists("checking pod '" + pod + "'", List.of("pod", "exists", pod));
  }

  @Override
  public Optional<PodInfo> inspectPod(String pod) throws EngineException {
    Names.requireName("pod", pod);
    String context = "inspecting pod '" + pod + "'";
    Optional<String> json = inspect(context, List.of("pod", "inspect", pod));
    return json.isEmpty() ? Optional.empty() : parse(context, () -> PodmanJson.pod(json.get()));
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
    String address = checked(context, request(args)).stdout().strip();
    return address.isEmpty() ? Optional.empty() : Optional.of(address);
  }

  @Override
  public List<PodSummary> listPodsByLabel(String key, String value) throws EngineException {
    String context = "listing pods labelled '" + key + "=" + value + "'";
    List<String> args =
        List.of("pod", "ps", "--filter=label=" + key + "=" + value, "--format=json");
    String json = checked(context, request(args)).stdout();
    return parse(context, () -> PodmanJson.podList(json));
  }

  @Override
  public String createContainer(ContainerSpec spec) throws EngineException {
    String context = "creating container '" + spec.name() + "'";
    return firstLine(checked(context, request(PodmanArgs.createContainer(spec))));
  }

  @Override
  public void startContainer(String container) throws EngineException {
    Names.requireName("container", container);
    checked("starting container '" + container + "'", request(List.of("start", container)));
  }

  @Override
  public void stopContainer(String container, Duration timeout) throws EngineException {
    Names.requireName("container", container);
    List<String> args = List.of("stop", "--time=" + seconds(timeout), container);
    checked("stopping container '" + container + "'", request(args, COMMAND_TIMEOUT.plus(timeout)));
  }

  @Override
  public void killContainer(String container, String signal) throws EngineException {
    Names.requireName("container", container);
    List<String> args = List.of("kill", "--signal=" + Names.requireSignal(signal), container);
    checked("killing container '" + container + "'", request(args));
  }

  @Override
  public void removeContainer(String container) throws EngineException {
    Names.requireName("container", container);
    // --force succeeds on a missing container too, which makes removal idempotent.
    List<String> args = List.of("rm", "--force", "--time=0", container);
    checked("removing container '" + container + "'", request(args));
  }

  @Override
  public boolean containerExists(String container) throws EngineException {
    Names.requireName("container", container);
    return exists(
        "checking container '" + container + "'", List.of("container", "exists", container));
  }

  @Override
  public Optional<ContainerInfo> inspectContainer(String container) throws EngineException {
    Names.requireName("container", container);
    String context = "inspecting container '" + container + "'";
    Optional<String> json = inspect(context, List.of("container", "inspect", container));
    return json.isEmpty()
        ? Optional.empty()
        : parse(context, () -> PodmanJson.container(json.get()));
  }

  @Override
  public List<ContainerSummary> listContainersByLabel(String key, String value)
      throws EngineException {
    String context = "listing containers labelled '" + key + "=" + value + "'";
    List<String> args =
        List.of("ps", "--all", "--filter=label=" + key + "=" + value, "--format=json");
    String json = checked(context, request(args)).stdout();
    return parse(context, () -> PodmanJson.containerList(json));
  }

  @Override
  public void removeByLabel(String key, String value) throws EngineException {
    List<EngineException> failures = new ArrayList<>();
    for (PodSummary pod : listPodsByLabel(key, value)) {
      collect(failures, () -> removePod(pod.name()));
    }
    for (ContainerSummary container : listContainersByLabel(key, value)) {
      collect(failures, () -> removeContainer(container.name()));
    }
    if (!failures.isEmpty()) {
      EngineException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  @Override
  public ExecResult exec(String container, List<String> command, Duration timeout)
      throws EngineException {
    Names.requireName("container", container);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("exec in '" + container + "' needs a command");
    }
    List<String> args = new ArrayList<>(List.of("exec", container));
    args.addAll(command);
    ProcessRequest request =
        new ProcessRequest(
            commandLine(args),
            new byte[0],
            Optional.of(timeout),
            ProcessRequest.Streams.MERGED,
            MAX_EXEC_OUTPUT,
            NO_PROGRESS);
    ProcessResult result = run("running a command in container '" + container + "'", request);
    return new ExecResult(result.exitCode(), result.stdout(), result.timedOut());
  }

  @Override
  public int waitForExit(String container) throws EngineException {
    Names.requireName("container", container);
    String context = "waiting for container '" + container + "'";
    String line = firstLine(checked(context, unbounded(List.of("wait", container))));
    return parse(context, () -> Integer.parseInt(line));
  }

  @Override
  public List<String> logs(String container, int lines) throws EngineException {
    Names.requireName("container", container);
    if (lines < 1 || lines > MAX_LOG_LINES) {
      throw new IllegalArgumentException(
          "log lines " + lines + " is not between 1 and " + MAX_LOG_LINES);
    }
    List<String> args = List.of("logs", "--tail=" + lines, container);
    // Merged, so the container's stdout and stderr lines keep their order.
    ProcessRequest request =
        new ProcessRequest(
            commandLine(args),
            new byte[0],
            Optional.of(COMMAND_TIMEOUT),
            ProcessRequest.Streams.MERGED,
            MAX_OUTPUT,
            NO_PROGRESS);
    ProcessResult result = run("reading logs of container '" + container + "'", request);
    if (result.exitCode() != 0) {
      throw failure(
          "reading logs of container '" + container + "'", request, result.stdout(), result);
    }
    return result.stdout().lines().toList();
  }

  @Override
  public boolean imageExists(String image) throws EngineException {
    Names.requireImage(image);
    return exists("checking image '" + image + "'", List.of("image", "exists", image));
  }

  @Override
  public String pullImage(String image, Optional<Path> authfile, Consumer<String> progress)
      throws EngineException {
    Names.requireImage(image);
    List<String> args = new ArrayList<>(List.of("pull"));
    authfile.ifPresent(file -> args.add("--authfile=" + file));
    args.add(image);
    // No deadline of its own: a pull may be long, and the unit's start timeout, extended
    // while the pull reports progress, is the one that counts.
    ProcessRequest request =
        new ProcessRequest(
            commandLine(args),
            new byte[0],
            Optional.empty(),
            ProcessRequest.Streams.SEPARATE,
            MAX_OUTPUT,
            progress);
    ProcessResult result = checked("pulling image '" + image + "'", request);
    List<String> lines = result.stdout().strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Override
  public Optional<ImageInfo> inspectImage(String image) throws EngineException {
    Names.requireImage(image);
    String context = "inspecting image '" + image + "'";
    Optional<String> json = inspect(context, List.of("image", "inspect", image));
    return json.isEmpty() ? Optional.empty() : parse(context, () -> PodmanJson.image(json.get()));
  }

  @Override
  public void tagImage(String source, String target) throws EngineException {
    Names.requireImage(source);
    Names.requireImage(target);
    String context = "tagging image '" + source + "' as '" + target + "'";
    checked(context, request(List.of("tag", source, target)));
  }

  @Override
  public void untagImage(String image, String name) throws EngineException {
    Names.requireImage(image);
    Names.requireImage(name);
    String context = "untagging '" + name + "' from image '" + image + "'";
    checked(context, request(List.of("untag", image, name)));
  }

  @Override
  public void removeImage(String image) throws EngineException {
    Names.requireImage(image);
    checked("removing image '" + image + "'", request(List.of("rmi", image)));
  }

  @Override
  public boolean volumeExists(String volume) throws EngineException {
    Names.requireName("volume", volume);
    return exists("checking volume '" + volume + "'", List.of("volume", "exists", volume));
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
    checked("creating volume '" + volume + "'", request(args));
    return true;
  }

  @Override
  public void removeVolume(String volume) throws EngineException {
    if (volumeExists(volume)) {
      checked("removing volume '" + volume + "'", request(List.of("volume", "rm", volume)));
    }
  }

  @Override
  public boolean secretExists(String secret) throws EngineException {
    Names.requireName("secret", secret);
    // Podman 4.3.1 has no `secret exists`; its name filter matches substrings, so compare here.
    List<String> args = List.of("secret", "ls", "--noheading", "--format={{.Name}}");
    String names = checked("checking secret '" + secret + "'", request(args)).stdout();
    return names.lines().anyMatch(secret::equals);
  }

  @Override
  public void createSecret(String secret, byte[] data, Map<String, String> labels)
      throws EngineException {
    Names.requireName("secret", secret);
    Names.requireLabels(labels);
    if (data.length == 0 || data.length > MAX_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "secret '" + secret + "' has " + data.length + " bytes, not 1 to " + MAX_SECRET_BYTES);
    }
    List<String> args = new ArrayList<>(List.of("secret", "create"));
    labels.forEach((key, value) -> args.add("--label=" + key + "=" + value));
    args.add(secret);
    args.add("-");
    ProcessRequest request =
        new ProcessRequest(
            commandLine(args),
            data,
            Optional.of(COMMAND_TIMEOUT),
            ProcessRequest.Streams.SEPARATE,
            MAX_OUTPUT,
            NO_PROGRESS);
    checked("creating secret '" + secret + "'", request);
  }

  @Override
  public void removeSecret(String secret) throws EngineException {
    if (secretExists(secret)) {
      checked("removing secret '" + secret + "'", request(List.of("secret", "rm", secret)));
    }
  }

  private ProcessRequest request(List<String> args) {
    return request(args, COMMAND_TIMEOUT);
  }

  private ProcessRequest request(List<String> args, Duration timeout) {
    return request(args, Optional.of(timeout));
  }

  /** A request without a deadline, for a call that lasts as long as a container runs. */
  private ProcessRequest unbounded(List<String> args) {
    return request(args, Optional.empty());
  }

  private ProcessRequest request(List<String> args, Optional<Duration> timeout) {
    return new ProcessRequest(
        commandLine(args),
        new byte[0],
        timeout,
        ProcessRequest.Streams.SEPARATE,
        MAX_OUTPUT,
        NO_PROGRESS);
  }

  private List<String> commandLine(List<String> args) {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add(program);
    command.addAll(args);
    return command;
  }

  /** Runs a command that must exit 0. */
  private ProcessResult checked(String context, ProcessRequest request) throws EngineException {
    ProcessResult result = run(context, request);
    if (result.exitCode() != 0) {
      throw failure(context, request, result.stderr(), result);
    }
    return result;
  }

  /** Runs an {@code exists} command: 0 is yes, 1 is no, anything else a failure. */
  private boolean exists(String context, List<String> args) throws EngineException {
    ProcessRequest request = request(args);
    ProcessResult result = run(context, request);
    if (result.exitCode() == 0 || result.exitCode() == 1 && result.stderr().isBlank()) {
      return result.exitCode() == 0;
    }
    throw failure(context, request, result.stderr(), result);
  }

  /**
   * Runs an {@code inspect} command and returns its JSON, or empty when the object is missing:
   * podman then prints an empty array and exits 125.
   */
  private Optional<String> inspect(String context, List<String> args) throws EngineException {
    ProcessRequest request = request(args);
    ProcessResult result = run(context, request);
    if (result.exitCode() == 0) {
      return Optional.of(result.stdout());
    }
    if (result.stdout().strip().equals("[]")) {
      return Optional.empty();
    }
    throw failure(context, request, result.stderr(), result);
  }

  private ProcessResult run(String context, ProcessRequest request) throws EngineException {
    LOG.log(System.Logger.Level.DEBUG, "running {0}", PodmanArgs.display(request.command()));
    try {
      return runner.run(request);
    } catch (IOException e) {
      throw new EngineException(
          context + ": running podman: " + e.getMessage(),
          request.command(),
          EngineException.NO_EXIT_CODE,
          "",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(
          context + ": interrupted", request.command(), EngineException.NO_EXIT_CODE, "", e);
    }
  }

  private static EngineException failure(
      String context, ProcessRequest request, String stderr, ProcessResult result) {
    if (result.timedOut()) {
      String limit = request.timeout().map(Duration::toString).orElse("its deadline");
      return new EngineException(
          context + ": podman did not finish within " + limit,
          request.command(),
          EngineException.NO_EXIT_CODE,
          stderr);
    }
    return EngineException.exited(context, request.command(), result.exitCode(), stderr);
  }

  private static <T> T parse(String context, Parser<T> parser) throws EngineException {
    try {
      return parser.parse();
    } catch (IOException | RuntimeException e) {
      throw new EngineException(
          context + ": reading podman's answer: " + e.getMessage(),
          List.of(),
          EngineException.NO_EXIT_CODE,
          "",
          e);
    }
  }

  private static void collect(List<EngineException> failures, Step step) {
    try {
      step.run();
    } catch (EngineException e) {
      failures.add(e);
    }
  }

  private static String firstLine(ProcessResult result) {
    return result.stdout().strip().lines().findFirst().orElse("");
  }

  /** Podman takes whole seconds; a part of a second counts as one more. */
  private static long seconds(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout " + timeout + " is negative");
    }
    return (timeout.toMillis() + 999) / 1000;
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse() throws IOException;
  }

  @FunctionalInterface
  private interface Step {
    void run() throws EngineException;
  }
}
