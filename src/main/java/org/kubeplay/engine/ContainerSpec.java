package org.kubeplay.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the engine needs to create one container in a pod.
 *
 * <p>{@code command} and {@code args} follow Kubernetes: a command replaces the image's entrypoint
 * and drops its default arguments, args replace the default arguments. Build one with {@link
 * #builder(String, String, String, Owner)}, which names the container as podman's kube play does,
 * {@code <pod>-<container>}.
 *
 * @param name the container's podman name, {@code <pod>-<container>}
 * @param pod the pod the container joins
 * @param owner the workload that owns the container, written into its labels
 * @param image the image reference, already present locally
 * @param command the entrypoint override, empty to keep the image's
 * @param args the arguments override, empty to keep the image's (unless command is set)
 * @param workingDir the working directory, when not the image's
 * @param env environment variables in the order they are set
 * @param mounts file systems to mount
 * @param runAsUser the numeric user, when not the image's
 * @param runAsGroup the numeric group; needs runAsUser
 * @param supplementalGroups more numeric groups for the process
 * @param privileged whether the container runs privileged
 * @param readOnlyRootfs whether the root file system is read-only (no tmpfs added)
 * @param capAdd capabilities to add
 * @param capDrop capabilities to drop
 * @param memoryLimitBytes the memory limit, when one is set
 * @param cpuLimitMillis the cpu limit in thousandths of a cpu, when one is set
 * @param stopSignal the signal that asks the container to stop, when not the image's
 * @param stopTimeoutSeconds seconds between the stop signal and SIGKILL, when not podman's
 * @param stdin whether stdin stays open
 * @param tty whether the container gets a terminal
 * @param autoUpdatePolicy the value of podman's auto-update label, when one is set
 * @param autoUpdateAuthfile the credentials file podman auto-update should use
 * @param labels more labels, beside the owner's and the auto-update ones
 * @param pidFile where podman writes the container's process id each time it starts
 */
public record ContainerSpec(
    String name,
    String pod,
    Owner owner,
    String image,
    List<String> command,
    List<String> args,
    Optional<String> workingDir,
    Map<String, String> env,
    List<Mount> mounts,
    OptionalLong runAsUser,
    OptionalLong runAsGroup,
    List<Long> supplementalGroups,
    boolean privileged,
    boolean readOnlyRootfs,
    List<String> capAdd,
    List<String> capDrop,
    OptionalLong memoryLimitBytes,
    OptionalLong cpuLimitMillis,
    Optional<String> stopSignal,
    OptionalLong stopTimeoutSeconds,
    boolean stdin,
    boolean tty,
    Optional<String> autoUpdatePolicy,
    Optional<Path> autoUpdateAuthfile,
    Map<String, String> labels,
    Optional<Path> pidFile) {
  public ContainerSpec {
    Names.requireName("container", name);
    Names.requireName("pod", pod);
    Objects.requireNonNull(owner, "owner");
    Names.requireImage(image);
    command = List.copyOf(command);
    args = List.copyOf(args);
    Objects.requireNonNull(workingDir, "workingDir");
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    mounts = List.copyOf(mounts);
    supplementalGroups = List.copyOf(supplementalGroups);
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    requireValid(name, env, runAsUser, runAsGroup, memoryLimitBytes, cpuLimitMillis);
    stopSignal.ifPresent(Names::requireSignal);
    autoUpdatePolicy.ifPresent(policy -> Names.requireLabelValue("auto-update policy", policy));
    Objects.requireNonNull(autoUpdateAuthfile, "autoUpdateAuthfile");
    Objects.requireNonNull(stopTimeoutSeconds, "stopTimeoutSeconds");
    Names.requireLabels(labels);
    Objects.requireNonNull(pidFile, "pidFile");
  }

  /** The podman name of a pod's container, as podman's kube play forms it. */
  public static String podmanName(String pod, String container) {
    return pod + "-" + container;
  }

  /** Every label the container carries: owner, auto-update, then the extra ones. */
  public Map<String, String> allLabels() {
    Map<String, String> all = new LinkedHashMap<>(owner.labels());
    autoUpdatePolicy.ifPresent(policy -> all.put(Labels.AUTOUPDATE, policy));
    autoUpdateAuthfile.ifPresent(file -> all.put(Labels.AUTOUPDATE_AUTHFILE, file.toString()));
    all.putAll(labels);
    return all;
  }

  /** Starts a spec for container {@code container} of pod {@code pod}, with defaults. */
  public static Builder builder(String pod, String container, String image, Owner owner) {
    return new Builder(pod, container, image, owner);
  }

  private static void requireValid(
      String name,
      Map<String, String> env,
      OptionalLong runAsUser,
      OptionalLong runAsGroup,
      OptionalLong memoryLimitBytes,
      OptionalLong cpuLimitMillis) {
    env.keySet().forEach(ContainerSpec::requireEnvName);
    if (runAsGroup.isPresent() && runAsUser.isEmpty()) {
      // Podman's --user needs a user before the group; the image's user is unknown here.
      throw new IllegalArgumentException("container '" + name + "' sets a group but no user");
    }
    requireNonNegative("user", runAsUser);
    requireNonNegative("group", runAsGroup);
    requirePositive("memory limit", memoryLimitBytes);
    requirePositive("cpu limit", cpuLimitMillis);
  }

  private static void requireEnvName(String key) {
    if (key.isEmpty() || key.contains("=") || key.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("environment variable name '" + key + "' is not valid");
    }
  }

  private static void requireNonNegative(String what, OptionalLong value) {
    if (value.isPresent() && value.getAsLong() < 0) {
      throw new IllegalArgumentException(what + " " + value.getAsLong() + " is negative");
    }
  }

  private static void requirePositive(String what, OptionalLong value) {
    if (value.isPresent() && value.getAsLong() <= 0) {
      throw new IllegalArgumentException(what + " " + value.getAsLong() + " is not positive");
    }
  }

  /** Collects a container's settings with named steps. */
  public static final class Builder {
    private final String name;
    private final String pod;
    private final Owner owner;
    private final String image;
    private List<String> command = List.of();
    private List<String> args = List.of();
    private Optional<String> workingDir = Optional.empty();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Mount> mounts = new ArrayList<>();
    private OptionalLong runAsUser = OptionalLong.empty();
    private OptionalLong runAsGroup = OptionalLong.empty();
    private final List<Long> supplementalGroups = new ArrayList<>();
    private boolean privileged;
    private boolean readOnlyRootfs;
    private final List<String> capAdd = new ArrayList<>();
    private final List<String> capDrop = new ArrayList<>();
    private OptionalLong memoryLimitBytes = OptionalLong.empty();
    private OptionalLong cpuLimitMillis = OptionalLong.empty();
    private Optional<String> stopSignal = Optional.empty();
    private OptionalLong stopTimeoutSeconds = OptionalLong.empty();
    private boolean stdin;
    private boolean tty;
    private Optional<String> autoUpdatePolicy = Optional.empty();
    private Optional<Path> autoUpdateAuthfile = Optional.empty();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Optional<Path> pidFile = Optional.empty();

    private Builder(String pod, String container, String image, Owner owner) {
      this.name = podmanName(pod, container);
      this.pod = pod;
      this.image = image;
      this.owner = owner;
    }

    public Builder command(List<String> value) {
      command = value;
      return this;
    }

    public Builder args(List<String> value) {
      args = value;
      return this;
    }

    public Builder workingDir(String value) {
      workingDir = Optional.of(value);
      return this;
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    public Builder mount(Mount value) {
      mounts.add(value);
      return this;
    }

    public Builder runAsUser(long value) {
      runAsUser = OptionalLong.of(value);
      return this;
    }

    public Builder runAsGroup(long value) {
      runAsGroup = OptionalLong.of(value);
      return this;
    }

    public Builder supplementalGroup(long value) {
      supplementalGroups.add(value);
      return this;
    }

    public Builder privileged(boolean value) {
      privileged = value;
      return this;
    }

    public Builder readOnlyRootfs(boolean value) {
      readOnlyRootfs = value;
      return this;
    }

    public Builder capAdd(String capability) {
      capAdd.add(capability);
      return this;
    }

    public Builder capDrop(String capability) {
      capDrop.add(capability);
      return this;
    }

    public Builder memoryLimitBytes(long value) {
      memoryLimitBytes = OptionalLong.of(value);
      return this;
    }

    public Builder cpuLimitMillis(long value) {
      cpuLimitMillis = OptionalLong.of(value);
      return this;
    }

    public Builder stopSignal(String value) {
      stopSignal = Optional.of(value);
      return this;
    }

    public Builder stopTimeoutSeconds(long value) {
      stopTimeoutSeconds = OptionalLong.of(value);
      return this;
    }

    public Builder stdin(boolean value) {
      stdin = value;
      return this;
    }

    public Builder tty(boolean value) {
      tty = value;
      return this;
    }

    public Builder autoUpdatePolicy(String value) {
      autoUpdatePolicy = Optional.of(value);
      return this;
    }

    public Builder pidFile(Path value) {
      pidFile = Optional.of(value);
      return this;
    }

    public Builder autoUpdateAuthfile(Path value) {
      autoUpdateAuthfile = Optional.of(value);
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(
          name,
          pod,
          owner,
          image,
          command,
          args,
          workingDir,
          env,
          mounts,
          runAsUser,
          runAsGroup,
          supplementalGroups,
          privileged,
          readOnlyRootfs,
          capAdd,
          capDrop,
          memoryLimitBytes,
          cpuLimitMillis,
          stopSignal,
          stopTimeoutSeconds,
          stdin,
          tty,
          autoUpdatePolicy,
          autoUpdateAuthfile,
          labels,
          pidFile);
    }
  }
}
