package org.kubeplay.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.kubeplay.engine.ContainerSpec;
import org.kubeplay.engine.Mount;
import org.kubeplay.engine.Owner;
import org.kubeplay.kube.AutoUpdatePolicy;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.EnvResolver;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.Resources;
import org.kubeplay.kube.SecurityContext;
import org.kubeplay.kube.VariableExpansion;
import org.kubeplay.kube.Volume;
import org.kubeplay.kube.VolumeMount;
import org.kubeplay.kube.VolumeSource;
import org.kubeplay.kube.Workload;

/** Turns a container of the workload model into what the engine creates. */
final class ContainerSpecs {
  /** Where a container finds its notify socket; NOTIFY_SOCKET names it. */
  static final String NOTIFY_SOCKET_IN_CONTAINER = "/run/kubeplay/notify.sock";

  private final EnvResolver env;
  private final Owner owner;
  private final RuntimeDir runtime;

  ContainerSpecs(Workload workload, Owner owner, RuntimeDir runtime) {
    this.env = new EnvResolver(workload);
    this.owner = owner;
    this.runtime = runtime;
  }

  /**
   * The spec of one container; {@code notifySocket} is its proxy's socket, if it has one, and
   * {@code pidFile} where podman is to write its process id.
   */
  ContainerSpec of(
      Pod pod, Container container, Optional<Path> notifySocket, Optional<Path> pidFile) {
    var spec = ContainerSpec.builder(pod.name(), container.name(), container.image(), owner);
    Map<String, String> environment = env.environment(pod, container);
    // Kubernetes expands $(NAME) in command and args with the container's whole environment.
    spec.command(VariableExpansion.expand(container.command(), environment))
        .args(VariableExpansion.expand(container.args(), environment));
    container.workingDir().ifPresent(spec::workingDir);
    pidFile.ifPresent(spec::pidFile);
    environment.forEach(spec::env);
    for (VolumeMount mount : container.volumeMounts()) {
      spec.mount(mountOf(pod, mount));
    }
    notifySocket.ifPresent(
        socket -> {
          spec.mount(new Mount.Bind(socket, NOTIFY_SOCKET_IN_CONTAINER, Mount.Access.READ_WRITE));
          spec.env("NOTIFY_SOCKET", NOTIFY_SOCKET_IN_CONTAINER);
        });
    security(spec, container.securityContext());
    resources(spec, container.resources());
    container.stopSignal().ifPresent(spec::stopSignal);
    spec.stopTimeoutSeconds(pod.terminationGracePeriodSeconds());
    spec.stdin(container.stdin()).tty(container.tty());
    if (container.autoUpdate() != AutoUpdatePolicy.DISABLED) {
      spec.autoUpdatePolicy(container.autoUpdate().wireName());
      container.authfile().map(Path::of).ifPresent(spec::autoUpdateAuthfile);
    }
    return spec.build();
  }

  /** The podman name of a pod's emptyDir volume, which lives as long as the pod. */
  static String emptyDirVolume(Pod pod, Volume volume) {
    return pod.name() + "-" + volume.name();
  }

  private Mount mountOf(Pod pod, VolumeMount mount) {
    Volume volume = pod.volume(mount.name()).orElseThrow();
    Mount.Access access = mount.readOnly() ? Mount.Access.READ_ONLY : Mount.Access.READ_WRITE;
    String target = mount.mountPath();
    VolumeSource source = volume.source();
    if (source instanceof VolumeSource.HostPath host) {
      Path path = Path.of(host.path());
      return new Mount.Bind(mount.subPath().map(path::resolve).orElse(path), target, access);
    } else if (source instanceof VolumeSource.EmptyDir empty && "Memory".equals(empty.medium())) {
      return new Mount.Tmpfs(target, toOptionalLong(empty.sizeLimitBytes()));
    } else if (source instanceof VolumeSource.EmptyDir) {
      return new Mount.Volume(emptyDirVolume(pod, volume), target, access);
    } else if (source instanceof VolumeSource.Files) {
      Path dir = runtime.volume(pod.name(), volume.name());
      return new Mount.Bind(
          mount.subPath().map(dir::resolve).orElse(dir), target, Mount.Access.READ_ONLY);
    } else {
      VolumeSource.Claim claim = (VolumeSource.Claim) source;
      boolean readOnly = mount.readOnly() || claim.readOnly();
      return new Mount.Volume(
          claim.claimName(), target, readOnly ? Mount.Access.READ_ONLY : Mount.Access.READ_WRITE);
    }
  }

  private static void security(ContainerSpec.Builder spec, SecurityContext security) {
    security.runAsUser().ifPresent(spec::runAsUser);
    security.runAsGroup().ifPresent(spec::runAsGroup);
    spec.privileged(security.privileged()).readOnlyRootfs(security.readOnlyRootFilesystem());
    security.capabilitiesAdd().forEach(spec::capAdd);
    security.capabilitiesDrop().forEach(spec::capDrop);
  }

  private static void resources(ContainerSpec.Builder spec, Resources resources) {
    resources.memoryLimitBytes().ifPresent(spec::memoryLimitBytes);
    resources.cpuLimitMillis().ifPresent(spec::cpuLimitMillis);
  }

  private static java.util.OptionalLong toOptionalLong(Optional<Long> value) {
    return value.map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
  }
}
