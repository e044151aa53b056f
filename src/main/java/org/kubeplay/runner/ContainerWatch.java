package org.kubeplay.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.SdNotifyPolicy;

/**
 * Follows each container of a running workload and turns what happens to it into events on the
 * supervisor's queue: ready by its policy and probes, exited, or failing its liveness probe.
 */
final class ContainerWatch {
  private static final System.Logger LOG = System.getLogger(ContainerWatch.class.getName());

  private final ContainerEngine engine;
  private final Prober prober;
  private final BlockingQueue<Event> events;
  private final Executor workers;
  private final Map<String, String> addresses = new ConcurrentHashMap<>();

  ContainerWatch(
      ContainerEngine engine, Prober prober, BlockingQueue<Event> events, Executor workers) {
    this.engine = engine;
    this.prober = prober;
    this.events = events;
    this.workers = workers;
  }

  /** Turns the container's readiness, by its policy and probes, into one event. */
  void readiness(Member member) {
    Container container = member.container;
    Supplier<String> address = addressOf(member.pod);
    List<CompletableFuture<Void>> gates = new ArrayList<>();
    if (container.sdNotify() == SdNotifyPolicy.CONTAINER) {
      gates.add(member.proxy.orElseThrow().readiness());
    } else if (container.sdNotify() == SdNotifyPolicy.HEALTHY) {
      // Healthy means its health check passed: podman derives that check from the liveness
      // probe; a startup probe comes first when there is one. With neither, the readiness
      // probe below is the only check there is.
      container
          .probes()
          .startup()
          .or(() -> container.probes().liveness())
          .ifPresent(
              probe ->
                  gates.add(
                      prober.untilPasses(
                          member.engineName, probe, address, Prober.OnFailures.GIVE_UP)));
    }
    if (container.sdNotify() != SdNotifyPolicy.IGNORE) {
      container
          .probes()
          .readiness()
          .ifPresent(
              probe ->
                  gates.add(
                      prober.untilPasses(
                          member.engineName, probe, address, Prober.OnFailures.KEEP_TRYING)));
    }
    CompletableFuture.allOf(gates.toArray(CompletableFuture[]::new))
        .whenComplete(
            (ok, error) ->
                events.add(
                    error == null
                        ? new Event.Ready(member.engineName)
                        : new Event.Failed(member.engineName, reason(error))));
  }

  /**
   * The pod's address, looked up once and only when a probe needs it: most pods have no httpGet or
   * tcpSocket probe, and the lookup costs two podman calls.
   */
  private Supplier<String> addressOf(Pod pod) {
    return () -> {
      // Its infra container holds the address for the pod's life, restarts included; two
      // probes asking at once may both look it up, which is harmless.
      String known = addresses.get(pod.name());
      if (known == null) {
        known = podAddress(pod);
        addresses.put(pod.name(), known);
      }
      return known;
    };
  }

  private String podAddress(Pod pod) {
    if (pod.hostNetwork()) {
      return "127.0.0.1";
    }
    try {
      return engine.podAddress(pod.name()).orElse("127.0.0.1");
    } catch (EngineException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "finding the address of pod ''{0}'', probing " + "127.0.0.1 instead: {1}",
          pod.name(),
          e.getMessage());
      return "127.0.0.1";
    }
  }

  /**
   * Learns when the container's process ends, then asks the engine for its exit code.
   *
   * <p>The supervisor watches the process itself rather than keep a {@code podman wait} running per
   * container: each of those costs some 30 MB for the whole life of the workload.
   */
  void exit(Member member) {
    long pid = containerPid(member);
    CompletableFuture<Void> ended =
        pid > 0 ? ProcessExit.of(pid) : CompletableFuture.completedFuture(null);
    ended.thenRunAsync(() -> events.add(exitOf(member)), workers);
  }

  /**
   * The container's process id: from the pid file podman wrote as it started the container, which
   * spares a podman call, or else from podman. A pid file left from an earlier start names a
   * process that is gone, which the inspect then corrects.
   */
  private long containerPid(Member member) {
    OptionalLong fromFile = readPidFile(member.pidFile);
    if (fromFile.isPresent() && ProcessHandle.of(fromFile.getAsLong()).isPresent()) {
      return fromFile.getAsLong();
    }
    try {
      return engine.inspectContainer(member.engineName).map(info -> info.pid()).orElse(0L);
    } catch (EngineException e) {
      LOG.log(System.Logger.Level.DEBUG, "inspecting {0}: {1}", member.engineName, e);
      return 0;
    }
  }

  static OptionalLong readPidFile(Path file) {
    try {
      String text = Files.readString(file).strip();
      return text.matches("[1-9][0-9]{0,9}")
          ? OptionalLong.of(Long.parseLong(text))
          : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The exit of a container whose process has ended: the engine answers at once. */
  private Event exitOf(Member member) {
    try {
      return new Event.Exited(member.engineName, engine.waitForExit(member.engineName));
    } catch (EngineException e) {
      return new Event.Failed(member.engineName, e.getMessage());
    }
  }

  /** Runs the container's liveness probe from now on; failing it stops the container. */
  void liveness(Member member) {
    member
        .container
        .probes()
        .liveness()
        .ifPresent(
            probe ->
                member.watchLiveness(
                    prober
                        .untilFails(member.engineName, probe, addressOf(member.pod))
                        .thenAccept(
                            reason -> events.add(new Event.Unhealthy(member.engineName, reason)))));
  }

  private static String reason(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause.getMessage();
  }
}
