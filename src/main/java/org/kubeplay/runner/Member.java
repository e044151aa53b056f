package org.kubeplay.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.RestartPolicy;
import org.kubeplay.notify.NotifyProxy;

/** One container of the running workload, as the supervisor follows it. */
final class Member {
  /** The longest wait before a crashed container is started again, as a kubelet caps it. */
  private static final long MAX_BACKOFF_SECONDS = 300;

  /** A container that ran this long before it exited starts again without delay. */
  static final Duration BACKOFF_RESET = Duration.ofMinutes(10);

  final Pod pod;
  final Container container;
  final String engineName;
  final Optional<NotifyProxy> proxy;
  final Path pidFile;
  boolean ready;
  boolean ended;
  int exitCode;
  int restarts;
  private Instant startedAt = Instant.now();
  private CompletableFuture<?> liveness = CompletableFuture.completedFuture(null);

  Member(Pod pod, Container container, Optional<NotifyProxy> proxy, Path pidFile) {
    this.pod = pod;
    this.pidFile = pidFile;
    this.container = container;
    this.engineName = pod.name() + "-" + container.name();
    this.proxy = proxy;
  }

  /** Whether the pod's restart policy starts the container again after this exit. */
  boolean restartsAfter(int code) {
    return pod.restartPolicy() == RestartPolicy.ALWAYS
        || (pod.restartPolicy() == RestartPolicy.ON_FAILURE && code != 0);
  }

  /** Seconds to wait before the next restart: 1, 2, 4, ... up to five minutes. */
  long backoffSeconds() {
    return Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(restarts, 20));
  }

  void restarted() {
    restarts++;
    startedAt = Instant.now();
  }

  /** Forgets earlier restarts when this run lasted long, as a kubelet resets its back-off. */
  void forgetRestartsIfItRanLong() {
    forgetRestartsIfItRanLong(Instant.now());
  }

  void forgetRestartsIfItRanLong(Instant now) {
    if (Duration.between(startedAt, now).compareTo(BACKOFF_RESET) >= 0) {
      restarts = 0;
    }
  }

  void watchLiveness(CompletableFuture<?> watch) {
    liveness.cancel(false);
    liveness = watch;
  }

  void stopWatchingLiveness() {
    liveness.cancel(false);
  }

  String name() {
    return container.name();
  }
}
