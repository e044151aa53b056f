package org.kubeplay.agent;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.kubeplay.agent.AccessPolicy.Access;
import org.kubeplay.kube.ManifestException;
import org.kubeplay.kube.WorkloadReader;
import org.kubeplay.systemd.ActiveState;
import org.kubeplay.systemd.Job;
import org.kubeplay.systemd.JobMode;
import org.kubeplay.systemd.JobResult;
import org.kubeplay.systemd.SystemdException;
import org.kubeplay.systemd.SystemdManager;
import org.kubeplay.systemd.UnitState;

/** Plays, stops and restarts workloads through systemd jobs on their units. */
final class Workloads {
  private static final System.Logger LOG = System.getLogger(Workloads.class.getName());

  /**
   * Longest a call waits for its job. The unit's own timeouts (TimeoutStartSec=90,
   * TimeoutStopSec=70) end a job well before; this only bounds a thread if systemd never sends
   * JobRemoved.
   */
  static final Duration MAX_WAIT = Duration.ofMinutes(10);

  private final SystemdManager systemd;
  private final WorkloadRegistry registry;
  private final Authorizer authorizer;
  private final WorkloadReader reader;
  private final JobGate gate = new JobGate();

  Workloads(
      SystemdManager systemd,
      WorkloadRegistry registry,
      Authorizer authorizer,
      WorkloadReader reader) {
    this.systemd = systemd;
    this.registry = registry;
    this.authorizer = authorizer;
    this.reader = reader;
  }

  /** Validates a file and starts its unit, or restarts it if it is active; returns its object. */
  String play(String file, PlayOptions options) throws AgentException {
    authorizer.require(Access.MANAGE, "playing '" + file + "'");
    WorkloadRef ref = refOf(file);
    validate(ref);
    try (JobGate.Waiter waiter = options.waitForJob() ? gate.enterWait() : null) {
      JobGate.Claim claim = gate.claim(ref, "play");
      Job job;
      try {
        job = startOrRestart(ref, options.replace());
        claim.holdUntil(job);
      } catch (AgentException | RuntimeException e) {
        claim.release();
        throw e;
      }
      LOG.log(System.Logger.Level.INFO, "playing workload {0} as {1}", ref.file(), ref.unit());
      if (options.waitForJob()) {
        awaitJob(ref, job, "start", ActiveState.ACTIVE);
      }
    }
    return ref.objectPath();
  }

  /** Stops a workload given by file, unit or name. */
  void stop(String query, JobOptions options) throws AgentException {
    authorizer.require(Access.MANAGE, "stopping '" + query + "'");
    run(registry.resolve(query), JobKind.STOP, options);
  }

  /** Stops a workload's unit. */
  void stop(WorkloadRef ref, JobOptions options) throws AgentException {
    authorizer.require(Access.MANAGE, "stopping '" + ref.name() + "'");
    run(ref, JobKind.STOP, options);
  }

  /** Restarts a workload's unit, which starts it if it is not running. */
  void restart(WorkloadRef ref, JobOptions options) throws AgentException {
    authorizer.require(Access.MANAGE, "restarting '" + ref.name() + "'");
    run(ref, JobKind.RESTART, options);
  }

  /** A job on a workload that is already loaded, and the state it should leave the unit in. */
  private enum JobKind {
    STOP("stop", ActiveState.INACTIVE),
    RESTART("restart", ActiveState.ACTIVE);

    private final String verb;
    private final ActiveState wanted;

    JobKind(String verb, ActiveState wanted) {
      this.verb = verb;
      this.wanted = wanted;
    }
  }

  private void run(WorkloadRef ref, JobKind kind, JobOptions options) throws AgentException {
    try (JobGate.Waiter waiter = options.waitForJob() ? gate.enterWait() : null) {
      JobGate.Claim claim = gate.claim(ref, kind.verb);
      Job job;
      try {
        job =
            kind == JobKind.STOP
                ? systemd.stopUnit(ref.unit(), JobMode.REPLACE)
                : systemd.restartUnit(ref.unit(), JobMode.REPLACE);
        claim.holdUntil(job);
      } catch (SystemdException e) {
        claim.release();
        throw unitFailed(kind.verb + " of workload '" + ref.name() + "'", e);
      }
      LOG.log(System.Logger.Level.INFO, "{0} of workload {1} queued", kind.verb, ref.unit());
      if (options.waitForJob()) {
        awaitJob(ref, job, kind.verb, kind.wanted);
      }
    }
  }

  private static WorkloadRef refOf(String file) throws AgentException {
    try {
      return WorkloadRef.ofFile(file);
    } catch (IllegalArgumentException e) {
      throw new AgentException(AgentError.INVALID_ARGS, "playing: " + e.getMessage(), e);
    }
  }

  private void validate(WorkloadRef ref) throws AgentException {
    try {
      reader.read(ref.file());
    } catch (ManifestException e) {
      String lines =
          e.diagnostics().stream().map(Object::toString).collect(Collectors.joining("\n"));
      throw new AgentException(
          AgentError.INVALID_MANIFEST,
          "manifest '" + ref.file() + "' is invalid, nothing was started:\n" + lines,
          e);
    }
  }

  private Job startOrRestart(WorkloadRef ref, boolean replace) throws AgentException {
    String context = "playing workload '" + ref.name() + "'";
    try {
      // Not loadUnit: a unit loaded by a query alone may be unloaded again before the start.
      ActiveState state =
          systemd.loadedUnit(ref.unit()).map(UnitState::activeState).orElse(ActiveState.INACTIVE);
      boolean running =
          state == ActiveState.ACTIVE
              || state == ActiveState.ACTIVATING
              || state == ActiveState.RELOADING;
      if (running && !replace) {
        throw new AgentException(
            AgentError.BUSY,
            context + ": it is already " + state.wireName() + "; pass replace=true to restart it");
      }
      Job job =
          running
              ? systemd.restartUnit(ref.unit(), JobMode.REPLACE)
              : systemd.startUnit(ref.unit(), JobMode.REPLACE);
      // The queued job keeps the unit loaded, so its object can be read and exported now.
      registry.add(ref);
      return job;
    } catch (SystemdException e) {
      throw unitFailed(context, e);
    }
  }

  /** Waits for a job and checks that it left the unit in the state it was meant to. */
  private void awaitJob(WorkloadRef ref, Job job, String what, ActiveState wanted)
      throws AgentException {
    String context = what + " of workload '" + ref.name() + "' (unit '" + ref.unit() + "')";
    try {
      JobResult result = job.await(MAX_WAIT);
      // systemd unloads a unit as soon as it is inactive and nothing refers to it; asking for
      // its state would load it again, so an unloaded unit is taken as the inactive one it is.
      Optional<UnitState> state = systemd.loadedUnit(ref.unit());
      ActiveState now = state.map(UnitState::activeState).orElse(ActiveState.INACTIVE);
      if (result == JobResult.DONE && now == wanted) {
        return;
      }
      throw new AgentException(
          AgentError.UNIT_FAILED,
          context
              + " failed: job "
              + result.wireName()
              + ", unit "
              + now.wireName()
              + state
                  .map(s -> ", result '" + s.result() + "', status '" + s.statusText() + "'")
                  .orElse(", unloaded"));
    } catch (SystemdException e) {
      throw unitFailed(context, e);
    } catch (TimeoutException e) {
      throw new AgentException(AgentError.UNIT_FAILED, context + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentException(AgentError.FAILED, context + ": interrupted", e);
    }
  }

  private static AgentException unitFailed(String context, SystemdException e) {
    return new AgentException(AgentError.UNIT_FAILED, context + ": " + e.getMessage(), e);
  }
}
