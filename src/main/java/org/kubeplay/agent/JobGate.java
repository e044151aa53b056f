package org.kubeplay.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.kubeplay.systemd.Job;

/**
 * Lets one job at a time run per workload, and bounds how many calls may wait for jobs, so that a
 * waiting call never takes the last thread another caller needs.
 */
final class JobGate {
  /**
   * Most calls waiting for a job at once. Each holds one of {@link Agent#MAX_CONCURRENT_CALLS}
   * method-call threads until its job ends; the rest stay free for reads and quick calls.
   */
  static final int MAX_WAITING_CALLS = Agent.MAX_CONCURRENT_CALLS - 16;

  private final Map<String, String> running = new ConcurrentHashMap<>();
  private final Semaphore waiting = new Semaphore(MAX_WAITING_CALLS);

  /**
   * Claims a workload for one job; the claim ends with the job, or with {@link Claim#release}.
   *
   * @param what the job, for the Busy message another caller gets, e.g. {@code play}
   * @throws AgentException {@link AgentError#BUSY} if the workload has a job running
   */
  Claim claim(WorkloadRef ref, String what) throws AgentException {
    String other = running.putIfAbsent(ref.unit(), what);
    if (other != null) {
      throw new AgentException(
          AgentError.BUSY,
          "workload '" + ref.name() + "' is busy: its " + other + " job is still running");
    }
    return new Claim(ref.unit());
  }

  /**
   * Takes one of the waiting places; close the result when the wait is over.
   *
   * @throws AgentException {@link AgentError#BUSY} if every place is taken
   */
  Waiter enterWait() throws AgentException {
    if (!waiting.tryAcquire()) {
      throw new AgentException(
          AgentError.BUSY,
          MAX_WAITING_CALLS + " calls are already waiting for jobs: call again, or without 'wait'");
    }
    return waiting::release;
  }

  /** A place among the waiting calls. */
  interface Waiter extends AutoCloseable {
    @Override
    void close();
  }

  /** One workload's claim. */
  final class Claim {
    private final String unit;

    private Claim(String unit) {
      this.unit = unit;
    }

    /** Keeps the claim until the job ends, whatever its result. */
    void holdUntil(Job job) {
      job.completion().whenComplete((result, failure) -> release());
    }

    /** Ends the claim now: no job was queued. */
    void release() {
      running.remove(unit);
    }
  }
}
