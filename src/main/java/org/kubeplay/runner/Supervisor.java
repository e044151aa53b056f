package org.kubeplay.runner;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.Owner;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.Workload;
import org.kubeplay.notify.NotifyProxy;

/**
 * {@code kubeplay run}: starts a workload, tells the service manager when it is ready, and stays
 * its main process until the workload ends or is stopped.
 *
 * <p>Everything that happens to the workload (a container ready, a container exited, a stop signal)
 * arrives on one event queue, handled by the thread that called {@link #run}.
 */
public final class Supervisor {
  private static final System.Logger LOG = System.getLogger(Supervisor.class.getName());

  /** How many of a failed container's last log lines its error shows. */
  static final int LOG_LINES = 10;

  private final Workload workload;
  private final ContainerEngine engine;
  private final Notifier notifier;
  private final Owner owner;
  private final RuntimeDir runtime;
  private final PrintWriter err;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kubeplay-timer"));
  private final ContainerWatch watch;
  private volatile boolean stopRequested;
  private volatile Thread starting;

  /** Runs what must not hold up the event loop: exit lookups, stops, clearing an earlier run. */
  private final ExecutorService workers =
      Executors.newCachedThreadPool(DaemonThreads.named("kubeplay-worker"));

  Supervisor(
      Workload workload,
      ContainerEngine engine,
      Notifier notifier,
      Owner owner,
      RuntimeDir runtime,
      PrintWriter err) {
    this.workload = workload;
    this.engine = engine;
    this.notifier = notifier;
    this.owner = owner;
    this.runtime = runtime;
    this.err = err;
    this.watch = new ContainerWatch(engine, new Prober(engine, timer), events, workers);
  }

  /**
   * Asks the supervisor to stop the workload; safe from any thread, such as a signal's. A start
   * step that blocks (a pull, an init container) is interrupted, so that a stop never waits for it.
   */
  void requestStop(String why) {
    stopRequested = true;
    events.add(new Event.StopRequested(why));
    Thread thread = starting;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Runs the workload to its end and returns the exit code for the supervisor's process. */
  int run() {
    try (var proxies = new Proxies(name(), notifier)) {
      try {
        startInterruptibly(proxies);
        if (!awaitReady()) {
          return stop();
        }
      } catch (StartFailure failure) {
        return stopRequested ? stop() : failStart(failure);
      }
      notifier.ready(notifier.withContainerStatus(readyLine()));
      LOG.log(System.Logger.Level.INFO, "{0}", readyLine());
      members.values().forEach(watch::liveness);
      return supervise();
    } catch (RuntimeException e) {
      // A defect, but the workload must still not be left half made.
      LOG.log(System.Logger.Level.ERROR, "supervisor failed", e);
      return failStart(new StartFailure("internal error: " + e, e));
    } finally {
      timer.shutdownNow();
      workers.shutdownNow();
    }
  }

  private void startInterruptibly(Proxies proxies) throws StartFailure {
    starting = Thread.currentThread();
    try {
      if (!stopRequested) {
        start(proxies);
      }
    } finally {
      starting = null;
      // An interrupt meant for a start step must not cut short the stop that follows it.
      Thread.interrupted();
    }
  }

  private void start(Proxies proxies) throws StartFailure {
    notifier.status(name() + ": starting");
    var launcher = new PodLauncher(workload, engine, notifier, owner, runtime, workers);
    launcher.clearEarlierRunAndPull();
    for (Pod pod : workload.pods()) {
      launcher.prepare(pod);
      for (Container container : pod.containers()) {
        int index = members.size();
        Optional<NotifyProxy> proxy = launcher.openProxy(proxies, container, index);
        Member member = new Member(pod, container, proxy, runtime.pidFile(index));
        members.put(member.engineName, member);
        launcher.create(member);
      }
      launcher.start(pod);
    }
    members.values().forEach(watch::readiness);
    members.values().forEach(watch::exit);
  }

  /** Returns true when every container is ready, false when asked to stop first. */
  private boolean awaitReady() throws StartFailure {
    while (members.values().stream().anyMatch(m -> !m.ready)) {
      Event event = nextEvent();
      if (event instanceof Event.Ready ready) {
        members.get(ready.container()).ready = true;
        notifier.status(progressLine());
      } else if (event instanceof Event.Exited exited) {
        throw exitedBeforeReady(members.get(exited.container()), exited.exitCode());
      } else if (event instanceof Event.Failed failed) {
        throw new StartFailure(
            "container '"
                + members.get(failed.container()).name()
                + "' did not become ready: "
                + failed.reason());
      } else if (event instanceof Event.StopRequested) {
        return false;
      }
    }
    return true;
  }

  private StartFailure exitedBeforeReady(Member member, int code) {
    List<String> lines = lastLogLines(member);
    member.proxy.ifPresent(p -> p.containerExited(code, ""));
    String last = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
    var failure =
        new StartFailure(
            "container '"
                + member.name()
                + "' exited with code "
                + code
                + " before it was ready"
                + last,
            code,
            null);
    lines.forEach(line -> failure.addSuppressed(new LogLine(member.name(), line)));
    return failure;
  }

  /** Follows the ready workload until it ends by itself or is asked to stop. */
  private int supervise() {
    while (true) {
      Event event = nextEvent();
      if (event instanceof Event.StopRequested) {
        return stop();
      } else if (event instanceof Event.Exited exited) {
        Member member = members.get(exited.container());
        if (!afterExit(member, exited.exitCode())) {
          return endedByItself();
        }
      } else if (event instanceof Event.RestartDue due) {
        if (!restart(members.get(due.container()))) {
          return endedByItself();
        }
      } else if (event instanceof Event.Unhealthy unhealthy) {
        stopUnhealthy(members.get(unhealthy.container()), unhealthy.reason());
      }
    }
  }

  /** Records an exit; returns false when nothing of the workload runs or will run again. */
  private boolean afterExit(Member member, int code) {
    member.exitCode = code;
    member.stopWatchingLiveness();
    member.forgetRestartsIfItRanLong();
    if (member.restartsAfter(code)) {
      long delay = member.backoffSeconds();
      notifier.status(
          name()
              + ": container '"
              + member.name()
              + "' exited with code "
              + code
              + ", restarting in "
              + delay
              + " s");
      timer.schedule(
          () -> events.add(new Event.RestartDue(member.engineName)), delay, TimeUnit.SECONDS);
      return true;
    }
    member.ended = true;
    LOG.log(
        System.Logger.Level.INFO, "container {0} exited with code {1}", member.engineName, code);
    return members.values().stream().anyMatch(m -> !m.ended);
  }

  /** Starts a container again; returns false when nothing of the workload runs any more. */
  private boolean restart(Member member) {
    try {
      engine.startContainer(member.engineName);
      member.restarted();
      watch.exit(member);
      watch.liveness(member);
      notifier.status(readyLine());
      return true;
    } catch (EngineException e) {
      if (!exists(member)) {
        // Someone removed it, or replaced the pod: there is nothing left to restart.
        LOG.log(
            System.Logger.Level.WARNING,
            "container {0} is gone: {1}",
            member.engineName,
            e.getMessage());
        member.ended = true;
        return members.values().stream().anyMatch(m -> !m.ended);
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "restarting container {0} failed, retrying: {1}",
          member.engineName,
          e.getMessage());
      events.add(new Event.Exited(member.engineName, member.exitCode));
      return true;
    }
  }

  private boolean exists(Member member) {
    try {
      return engine.containerExists(member.engineName);
    } catch (EngineException e) {
      return true; // unknown: keep trying, as for any failed restart
    }
  }

  /**
   * Stops a container that failed its liveness probe, with its stop signal and grace period; its
   * exit then restarts it as the pod's restart policy says, as a kubelet does.
   */
  private void stopUnhealthy(Member member, String reason) {
    notifier.status(
        name()
            + ": container '"
            + member.name()
            + "' failed its liveness probe ("
            + reason
            + "), stopping it");
    Duration grace = Duration.ofSeconds(member.pod.terminationGracePeriodSeconds());
    workers.execute(
        () -> {
          try {
            engine.stopContainer(member.engineName, grace);
          } catch (EngineException e) {
            LOG.log(
                System.Logger.Level.WARNING,
                "stopping unhealthy container {0} failed, " + "ignoring: {1}",
                member.engineName,
                e.getMessage());
          }
        });
  }

  private int endedByItself() {
    int code = 0;
    for (Pod pod : workload.pods()) {
      List<Integer> codes =
          members.values().stream().filter(m -> m.pod == pod).map(m -> m.exitCode).toList();
      int podCode = ExitCodes.propagate(pod.exitCodePropagation(), codes);
      code = code == 0 ? podCode : code;
    }
    notifier.status(name() + ": ended, exit code " + code);
    LOG.log(System.Logger.Level.INFO, "workload {0} ended by itself, exit code {1}", name(), code);
    return code;
  }

  /** Stops every pod, each container with its stop signal and the pod's grace period. */
  private int stop() {
    notifier.stopping(name() + ": stopping");
    List<Pod> pods = new ArrayList<>(workload.pods());
    java.util.Collections.reverse(pods);
    for (Pod pod : pods) {
      try {
        engine.stopPod(pod.name(), Duration.ofSeconds(pod.terminationGracePeriodSeconds()));
      } catch (EngineException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "stopping pod {0} failed, ignoring: {1}",
            pod.name(),
            e.getMessage());
      }
    }
    LOG.log(System.Logger.Level.INFO, "workload {0} stopped", name());
    return 0;
  }

  private int failStart(StartFailure failure) {
    String message = name() + ": " + failure.getMessage();
    notifier.status(message);
    err.println("kubeplay run: " + message);
    for (Throwable line : failure.getSuppressed()) {
      err.println("  " + line.getMessage());
    }
    err.flush();
    new Down(engine, runtime).removeQuietly(owner, workload);
    return failure.exitCode();
  }

  private List<String> lastLogLines(Member member) {
    try {
      return engine.logs(member.engineName, LOG_LINES);
    } catch (EngineException e) {
      return List.of("(no logs: " + e.getMessage() + ")");
    }
  }

  private Event nextEvent() {
    try {
      return events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Event.StopRequested("interrupt");
    }
  }

  private String name() {
    return workload.pods().size() == 1
        ? workload.pods().get(0).name()
        : PodLauncher.workloadName(workload.file());
  }

  private String readyLine() {
    return name() + ": " + members.size() + "/" + members.size() + " containers ready";
  }

  private String progressLine() {
    long ready = members.values().stream().filter(m -> m.ready).count();
    return name() + ": " + ready + "/" + members.size() + " containers ready";
  }

  /** One log line of a failed container, carried with its start failure. */
  private static final class LogLine extends Exception {
    private static final long serialVersionUID = 1L;

    LogLine(String container, String line) {
      super(container + "| " + line, null, false, false);
    }
  }
}
