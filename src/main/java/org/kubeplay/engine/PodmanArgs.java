package org.kubeplay.engine;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the engine's specs into podman 4.3.1 {@code create} arguments. */
final class PodmanArgs {
  private PodmanArgs() {}

  /** The arguments after {@code podman} that create the pod. */
  static List<String> createPod(PodSpec spec) {
    List<String> args = new ArrayList<>(List.of("pod", "create", "--name=" + spec.name()));
    args.add("--infra-name=" + spec.infraName());
    args.add("--exit-policy=" + spec.exitPolicy().wireName());
    spec.hostname().ifPresent(name -> args.add("--hostname=" + name));
    if (spec.hostNetwork()) {
      args.add("--network=host");
    }
    spec.ports().forEach(port -> args.add("--publish=" + port.publishValue()));
    spec.addHosts().forEach(entry -> args.add("--add-host=" + entry));
    addLabels(args, spec.allLabels());
    return args;
  }

  /** The arguments after {@code podman} that create the container in its pod. */
  static List<String> createContainer(ContainerSpec spec) {
    List<String> args = new ArrayList<>(List.of("container", "create"));
    args.add("--name=" + spec.name());
    args.add("--pod=" + spec.pod());
    // kubeplay binds its own notify socket; conmon must not answer for the container.
    args.add("--sdnotify=ignore");
    // Images are pulled before, with progress reported; a hidden pull would hang silently.
    args.add("--pull=never");
    addProcess(args, spec);
    addSecurity(args, spec);
    addResources(args, spec);
    spec.mounts().forEach(mount -> args.add("--mount=" + mount.mountValue()));
    spec.pidFile().ifPresent(file -> args.add("--pidfile=" + file));
    addLabels(args, spec.allLabels());
    addCommand(args, spec);
    return args;
  }

  /** The value of {@code --cpus} for a limit in thousandths of a cpu: 1500 is 1.5. */
  static String cpus(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  private static void addProcess(List<String> args, ContainerSpec spec) {
    spec.workingDir().ifPresent(dir -> args.add("--workdir=" + dir));
    spec.env().forEach((key, value) -> args.add("--env=" + key + "=" + value));
    if (spec.stdin()) {
      args.add("--interactive");
    }
    if (spec.tty()) {
      args.add("--tty");
    }
    spec.stopSignal().ifPresent(signal -> args.add("--stop-signal=" + signal));
    spec.stopTimeoutSeconds().ifPresent(seconds -> args.add("--stop-timeout=" + seconds));
  }

  private static void addSecurity(List<String> args, ContainerSpec spec) {
    if (spec.runAsUser().isPresent()) {
      String group = spec.runAsGroup().isPresent() ? ":" + spec.runAsGroup().getAsLong() : "";
      args.add("--user=" + spec.runAsUser().getAsLong() + group);
    }
    spec.supplementalGroups().forEach(gid -> args.add("--group-add=" + gid));
    if (spec.privileged()) {
      args.add("--privileged");
    }
    if (spec.readOnlyRootfs()) {
      // Kubernetes adds no writable tmpfs to a read-only root; podman would by default.
      args.add("--read-only");
      args.add("--read-only-tmpfs=false");
    }
    spec.capAdd().forEach(cap -> args.add("--cap-add=" + cap));
    spec.capDrop().forEach(cap -> args.add("--cap-drop=" + cap));
  }

  private static void addResources(List<String> args, ContainerSpec spec) {
    spec.memoryLimitBytes().ifPresent(bytes -> args.add("--memory=" + bytes));
    spec.cpuLimitMillis().ifPresent(millis -> args.add("--cpus=" + cpus(millis)));
  }

  private static void addLabels(List<String> args, Map<String, String> labels) {
    labels.forEach((key, value) -> args.add("--label=" + key + "=" + value));
  }

  /**
   * Adds the entrypoint, the image and the arguments. Podman, like Kubernetes, drops the image's
   * default arguments when the entrypoint is replaced, and reads everything after the image as the
   * container's arguments, never as its own options.
   */
  private static void addCommand(List<String> args, ContainerSpec spec) {
    if (!spec.command().isEmpty()) {
      args.add("--entrypoint=" + jsonArray(spec.command()));
    }
    args.add(spec.image());
    args.addAll(spec.args());
  }

  /** A JSON array, the form in which {@code --entrypoint} takes several words. */
  private static String jsonArray(List<String> words) {
    try {
      return JSON.std.asString(words);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the entrypoint as json", e);
    }
  }

  /** Joins a command line for messages, quoting words that hold spaces. */
  static String display(List<String> command) {
    return command.stream()
        .map(word -> word.isEmpty() || word.contains(" ") ? "'" + word + "'" : word)
        .collect(Collectors.joining(" "));
  }
}
