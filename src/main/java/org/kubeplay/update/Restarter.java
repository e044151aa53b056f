package org.kubeplay.update;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.ContainerInfo;
import org.kubeplay.engine.ContainerSummary;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.Labels;
import org.kubeplay.systemd.ActiveState;
import org.kubeplay.systemd.JobMode;
import org.kubeplay.systemd.JobResult;
import org.kubeplay.systemd.Subscription;
import org.kubeplay.systemd.SystemdException;
import org.kubeplay.systemd.SystemdManager;
import org.kubeplay.systemd.UnitChange;
import org.kubeplay.systemd.UnitState;

/**
 * Restarts a workload's unit through systemd and tells whether it came up ready and stayed so.
 *
 * <p>The unit is Type=notify, so its restart job ends {@code done} only once the supervisor sent
 * READY=1, or fails when the unit's start timeout runs out first. Then the unit must stay active,
 * on the same main process, and each container on the same process, for the settle time: a
 * container that dies just after READY is restarted by the supervisor under restartPolicy Always,
 * which leaves the unit active but its process changed.
 */
final class Restarter {
  /**
   * How long a workload must stay up after READY for its update to count: a process that fails on
   * its configuration or its first connections does so within a second or two of being ready, and
   * the supervisor and systemd report an exit within well under a second; 5 s covers both with room
   * on a loaded host, and a run pays it once per updated unit.
   */
  static final Duration SETTLE_TIME = Duration.ofSeconds(5);

  /** Added to the unit's stop and start timeouts, after which systemd itself ends the job. */
  static final Duration JOB_MARGIN = Duration.ofSeconds(30);

  /** Longest wait for a restart job, for a unit whose timeouts are infinite. */
  static final Duration MAX_JOB_WAIT = Duration.ofMinutes(30);

  private static final String SERVICE_INTERFACE = "org.freedesktop.systemd1.Service";

  private final SystemdManager systemd;
  private final ContainerEngine engine;
  private final Duration settleTime;

  Restarter(SystemdManager systemd, ContainerEngine engine, Duration settleTime) {
    this.systemd = systemd;
    this.engine = engine;
    this.settleTime = settleTime;
  }

  /**
   * Restarts the unit and returns once it was ready and stayed so for the settle time.
   *
   * @throws UpdateException saying why it did not come up or did not stay up
   */
  void restart(String unit) throws UpdateException, InterruptedException {
    String context = "restarting unit '" + unit + "'";
    try {
      Duration wait = jobWait(unit);
      JobResult result = systemd.restartUnit(unit, JobMode.REPLACE).await(wait);
      if (!result.isSuccess()) {
        throw new UpdateException(context + ": job " + result.wireName() + describe(unit));
      }
      settle(unit);
    } catch (SystemdException | EngineException e) {
      throw new UpdateException(context + ": " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new UpdateException(context + ": " + e.getMessage() + describe(unit), e);
    }
  }

  /** The unit's stop and start timeouts and a margin: by then systemd has ended the job itself. */
  private Duration jobWait(String unit) throws SystemdException {
    Duration start = timeout(unit, "TimeoutStartUSec");
    Duration stop = timeout(unit, "TimeoutStopUSec");
    Duration total = start.plus(stop).plus(JOB_MARGIN);
    return total.compareTo(MAX_JOB_WAIT) > 0 ? MAX_JOB_WAIT : total;
  }

  private Duration timeout(String unit, String property) throws SystemdException {
    Object value = systemd.unitProperty(unit, SERVICE_INTERFACE, property);
    long micros = value instanceof Number number ? number.longValue() : -1;
    // An unsigned 64-bit infinity arrives as a negative long.
    return micros < 0 ? MAX_JOB_WAIT : Duration.ofNanos(Math.multiplyExact(micros, 1000L));
  }

  private void settle(String unit)
      throws UpdateException, SystemdException, EngineException, InterruptedException {
    CompletableFuture<ActiveState> left = new CompletableFuture<>();
    try (Subscription subscription = systemd.onUnitChanged(c -> onChange(unit, c, left))) {
      // Read after subscribing: a change before this read shows in it, one after in the future.
      UnitState ready = systemd.unit(unit);
      if (ready.activeState() != ActiveState.ACTIVE) {
        throw new UpdateException(
            "unit '" + unit + "' is " + ready.activeState().wireName() + describe(ready));
      }
      Map<String, ContainerInfo> before = containers(unit);
      requireUp(before);
      awaitSettled(unit, left);
      UnitState after = systemd.unit(unit);
      if (after.activeState() != ActiveState.ACTIVE || after.mainPid() != ready.mainPid()) {
        throw new UpdateException(leftAfterReady(unit, after.activeState()) + describe(after));
      }
      requireUnchanged(before, containers(unit));
    }
  }

  private static void onChange(
      String unit, UnitChange change, CompletableFuture<ActiveState> left) {
    if (change.unit().equals(unit)) {
      change.activeState().filter(state -> state != ActiveState.ACTIVE).ifPresent(left::complete);
    }
  }

  private void awaitSettled(String unit, CompletableFuture<ActiveState> left)
      throws UpdateException, InterruptedException {
    try {
      ActiveState state = left.get(settleTime.toNanos(), TimeUnit.NANOSECONDS);
      throw new UpdateException(leftAfterReady(unit, state));
    } catch (TimeoutException e) {
      // It stayed active for the whole settle time.
    } catch (ExecutionException e) {
      throw new IllegalStateException("the settle future never fails", e);
    }
  }

  private String leftAfterReady(String unit, ActiveState state) {
    return "unit '"
        + unit
        + "' went "
        + state.wireName()
        + " within "
        + seconds()
        + " of being ready";
  }

  private Map<String, ContainerInfo> containers(String unit) throws EngineException {
    Map<String, ContainerInfo> containers = new HashMap<>();
    for (ContainerSummary summary :
        engine.listContainersByLabel(Labels.PODMAN_SYSTEMD_UNIT, unit)) {
      if (!summary.infra()) {
        engine.inspectContainer(summary.id()).ifPresent(c -> containers.put(c.name(), c));
      }
    }
    return containers;
  }

  /** Every container runs, or ended well: one in restart backoff has not come up. */
  private void requireUp(Map<String, ContainerInfo> ready) throws UpdateException {
    for (ContainerInfo container : ready.values()) {
      if (!container.running() && container.exitCode() != 0) {
        throw new UpdateException(
            "container '" + container.name() + "' exited with code " + container.exitCode());
      }
    }
  }

  /** Every container is as it was when the unit became ready: same process, or still ended. */
  private void requireUnchanged(Map<String, ContainerInfo> ready, Map<String, ContainerInfo> now)
      throws UpdateException {
    for (ContainerInfo before : ready.values()) {
      ContainerInfo after = now.get(before.name());
      String change;
      if (after == null) {
        change = "is gone";
      } else if (after.running() != before.running() || after.pid() != before.pid()) {
        change = after.running() ? "was restarted" : "exited with code " + after.exitCode();
      } else {
        continue;
      }
      throw new UpdateException(
          "container '"
              + before.name()
              + "' "
              + change
              + " within "
              + seconds()
              + " of being ready");
    }
  }

  private String seconds() {
    return settleTime.toMillis() / 1000.0 + " s";
  }

  /** The unit's result and status, to say why it is not running. */
  private String describe(String unit) {
    try {
      return describe(systemd.unit(unit));
    } catch (SystemdException e) {
      return " (reading its state: " + e.getMessage() + ")";
    }
  }

  private static String describe(UnitState state) {
    String status = state.statusText().isEmpty() ? "" : ", status '" + state.statusText() + "'";
    return " (unit "
        + state.activeState().wireName()
        + ", result '"
        + state.result()
        + "'"
        + status
        + ")";
  }
}
