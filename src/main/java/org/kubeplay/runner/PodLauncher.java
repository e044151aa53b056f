package org.kubeplay.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.ExitPolicy;
import org.kubeplay.engine.Labels;
import org.kubeplay.engine.Owner;
import org.kubeplay.engine.PodSpec;
import org.kubeplay.engine.PortMapping;
import org.kubeplay.engine.Protocol;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.Port;
import org.kubeplay.kube.SdNotifyPolicy;
import org.kubeplay.kube.Volume;
import org.kubeplay.kube.VolumeSource;
import org.kubeplay.kube.Workload;
import org.kubeplay.notify.NotifyProxy;
import org.kubeplay.notify.SocketAccess;

/**
 * Creates a workload's pods and containers through the engine: images, volumes, the pod, init
 * containers run to completion, then the containers.
 */
final class PodLauncher {
  /**
   * How long a notify proxy waits for READY=1 on its own: in effect never, since the unit's start
   * timeout bounds the start.
   */
  private static final Duration PROXY_READY_TIMEOUT = Duration.ofDays(365);

  private final Workload workload;
  private final ContainerEngine engine;
  private final Owner owner;
  private final RuntimeDir runtime;
  private final ImagePuller puller;
  private final ContainerSpecs specs;
  private final Notifier notifier;
  private final Executor background;

  PodLauncher(
      Workload workload,
      ContainerEngine engine,
      Notifier notifier,
      Owner owner,
      RuntimeDir runtime,
      Executor background) {
    this.workload = workload;
    this.background = background;
    this.engine = engine;
    this.owner = owner;
    this.runtime = runtime;
    this.notifier = notifier;
    this.puller = new ImagePuller(engine, notifier);
    this.specs = new ContainerSpecs(workload, owner, runtime);
  }

  /** The name of a workload of several pods: its file's name without the extension. */
  static String workloadName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Removes what an earlier run of the same file left, and pods of the same names, as {@code podman
   * kube play --replace} does, and makes sure every image is present. The removals run on the
   * background executor while this thread checks and pulls the images: none of these steps needs
   * another, and each is a podman call that would otherwise wait for the one before it. Removing a
   * pod twice at once is harmless, as a forced removal of a missing pod succeeds.
   */
  void clearEarlierRunAndPull() throws StartFailure {
    List<CompletableFuture<Void>> removals = new ArrayList<>();
    removals.add(
        inBackground(() -> new Down(engine, runtime).remove(owner, Optional.of(workload))));
    for (Pod pod : workload.pods()) {
      removals.add(inBackground(() -> engine.removePod(pod.name())));
    }
    StartFailure failure = null;
    try {
      for (Pod pod : workload.pods()) {
        pullImages(pod);
      }
    } catch (StartFailure e) {
      failure = e;
    }
    // Waited for even after a failed pull, so that no removal outlives the start.
    Optional<Throwable> removalFailure = awaitAll(removals);
    if (failure != null) {
      removalFailure.ifPresent(failure::addSuppressed);
      throw failure;
    }
    if (removalFailure.isPresent()) {
      Throwable e = removalFailure.get();
      throw new StartFailure("removing an earlier run: " + e.getMessage(), e);
    }
    try {
      runtime.create();
    } catch (IOException e) {
      throw new StartFailure("making the run-time directory: " + e.getMessage(), e);
    }
  }

  private void pullImages(Pod pod) throws StartFailure {
    for (Container container : pod.initContainers()) {
      puller.ensure(container);
    }
    for (Container container : pod.containers()) {
      puller.ensure(container);
    }
  }

  /** A step that calls podman and may fail the way podman and files fail. */
  private interface Removal {
    void run() throws EngineException, IOException;
  }

  private CompletableFuture<Void> inBackground(Removal removal) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            removal.run();
          } catch (EngineException | IOException e) {
            throw new CompletionException(e);
          }
        },
        background);
  }

  /** Waits for every removal, whatever an interrupt says, and returns the first failure. */
  private static Optional<Throwable> awaitAll(List<CompletableFuture<Void>> removals) {
    Throwable first = null;
    for (CompletableFuture<Void> removal : removals) {
      try {
        removal.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (first == null) {
          first = cause;
        } else {
          first.addSuppressed(cause);
        }
      }
    }
    return Optional.ofNullable(first);
  }

  /** Makes the pod's volumes, creates it and runs its init containers. */
  void prepare(Pod pod) throws StartFailure {
    try {
      makeVolumes(pod);
      engine.createPod(podSpec(pod));
    } catch (EngineException e) {
      throw new StartFailure(e.getMessage(), e); // it names the pod or volume already
    } catch (IOException e) {
      throw new StartFailure(
          "writing the volumes of pod '" + pod.name() + "': " + e.getMessage(), e);
    }
    for (Container init : pod.initContainers()) {
      runInit(pod, init);
    }
  }

  void create(Member member) throws StartFailure {
    Container container = member.container;
    try {
      engine.createContainer(
          specs.of(
              member.pod,
              container,
              member.proxy.map(NotifyProxy::path),
              Optional.of(member.pidFile)));
    } catch (EngineException e) {
      throw new StartFailure(e.getMessage(), e); // it names the container already
    } catch (IllegalArgumentException e) {
      throw new StartFailure("creating container '" + container.name() + "': " + e.getMessage(), e);
    }
  }

  void start(Pod pod) throws StartFailure {
    try {
      engine.startPod(pod.name());
    } catch (EngineException e) {
      throw new StartFailure(e.getMessage(), e); // it names the pod already
    }
  }

  /** Binds the notify socket of a container whose sdnotify policy is {@code container}. */
  Optional<NotifyProxy> openProxy(Proxies proxies, Container container, int index)
      throws StartFailure {
    if (container.sdNotify() != SdNotifyPolicy.CONTAINER) {
      return Optional.empty();
    }
    Path socket = runtime.notifySocket(index);
    try {
      return Optional.of(
          proxies.open(container.name(), socket, socketAccess(container), PROXY_READY_TIMEOUT));
    } catch (IOException e) {
      throw new StartFailure(
          "opening the notify socket of container '" + container.name() + "': " + e.getMessage(),
          e);
    }
  }

  /** Only the container's own user (or root, the supervisor's) may send to its socket. */
  private static SocketAccess socketAccess(Container container) {
    var security = container.securityContext();
    return security
        .runAsUser()
        .map(
            uid ->
                SocketAccess.forUser(uid.intValue(), security.runAsGroup().orElse(uid).intValue()))
        .orElse(SocketAccess.OWNER_ONLY);
  }

  private void runInit(Pod pod, Container init) throws StartFailure {
    String name = pod.name() + "-" + init.name();
    notifier.status(pod.name() + ": running init container " + init.name());
    try {
      engine.createContainer(specs.of(pod, init, Optional.empty(), Optional.empty()));
      engine.startContainer(name);
      int code = engine.waitForExit(name);
      if (code != 0) {
        var lines = engine.logs(name, Supervisor.LOG_LINES);
        String last = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
        throw new StartFailure(
            "init container '" + init.name() + "' exited with code " + code + last, code, null);
      }
      engine.removeContainer(name);
    } catch (EngineException e) {
      throw new StartFailure("running init container '" + init.name() + "': " + e.getMessage(), e);
    }
  }

  private void makeVolumes(Pod pod) throws EngineException, IOException {
    var files = new VolumeFiles(workload);
    for (Volume volume : pod.volumes()) {
      VolumeSource source = volume.source();
      if (source instanceof VolumeSource.EmptyDir empty && !"Memory".equals(empty.medium())) {
        engine.createVolume(ContainerSpecs.emptyDirVolume(pod, volume), owner.labels());
      } else if (source instanceof VolumeSource.Claim claim) {
        // A claim outlives the workload, as a PersistentVolumeClaim does: no owner label.
        engine.createVolume(claim.claimName(), Map.of());
      } else if (source instanceof VolumeSource.Files projected) {
        files.write(projected, runtime.volume(pod.name(), volume.name()));
      }
    }
  }

  private PodSpec podSpec(Pod pod) {
    var spec = PodSpec.builder(pod.name(), owner).hostNetwork(pod.hostNetwork());
    pod.hostname().ifPresent(spec::hostname);
    // The supervisor restarts containers itself: the pod must outlive its last container.
    spec.exitPolicy(ExitPolicy.CONTINUE);
    if (!pod.hostNetwork()) {
      for (Container container : pod.containers()) {
        container.ports().stream()
            .filter(p -> p.hostPort() > 0)
            .forEach(port -> spec.port(mapping(port)));
      }
    }
    spec.label(Labels.KUBEPLAY_FILE, owner.file().toString());
    return spec.build();
  }

  private static PortMapping mapping(Port port) {
    return new PortMapping(
        port.hostIP(),
        port.hostPort(),
        port.containerPort(),
        Protocol.fromWireName(port.protocol().wireName().toLowerCase()));
  }
}
