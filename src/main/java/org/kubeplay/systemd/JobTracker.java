package org.kubeplay.systemd;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Matches JobRemoved signals with the jobs that StartUnit and its kin return.
 *
 * <p>systemd may send a job's JobRemoved before the reply that names the job, and dbus-java
 * delivers signals and replies on different threads, so a result can arrive for a job path nobody
 * has asked about yet. While any call is in flight, such results are kept until the reply claims
 * them; once no call is in flight, no reply can claim them any more and they are dropped.
 */
final class JobTracker {
  /**
   * Most results kept unclaimed at a time. Jobs of other clients end while ours are in flight; on a
   * busy manager that must not grow without bound. A thousand is far more than the jobs that end
   * during one method call.
   */
  static final int MAX_UNCLAIMED_RESULTS = 1024;

  private final Object lock = new Object();
  private final Map<String, CompletableFuture<JobResult>> waiting = new HashMap<>();
  private final Map<String, String> unclaimed = new BoundedMap<>(MAX_UNCLAIMED_RESULTS);
  private int callsInFlight;
  private SystemdException closed;

  /** Notes that a call that will return a job path is about to be sent. */
  void callStarting() throws SystemdException {
    synchronized (lock) {
      if (closed != null) {
        throw closed;
      }
      callsInFlight++;
    }
  }

  /** Notes that a call failed, so it will claim no result. */
  void callFailed() {
    synchronized (lock) {
      callEnded();
    }
  }

  /** Returns the future result of a job whose path a call has just returned. */
  CompletableFuture<JobResult> callReturned(String jobPath) {
    CompletableFuture<JobResult> future = new CompletableFuture<>();
    String result;
    synchronized (lock) {
      // A result stays until no call is in flight: systemd merges a start into a queued start
      // of the same unit and returns one job path to both calls.
      result = unclaimed.get(jobPath);
      callEnded();
      if (result == null && closed == null) {
        future = waiting.computeIfAbsent(jobPath, path -> new CompletableFuture<>());
      }
    }
    if (result != null) {
      complete(future, jobPath, result);
    } else if (closed != null) {
      future.completeExceptionally(closed);
    }
    return future;
  }

  /** Hands a JobRemoved signal's result to its waiter, or keeps it for a call in flight. */
  void jobRemoved(String jobPath, String result) {
    CompletableFuture<JobResult> future;
    synchronized (lock) {
      future = waiting.remove(jobPath);
      if (future == null && callsInFlight > 0) {
        unclaimed.put(jobPath, result);
      }
    }
    if (future != null) {
      complete(future, jobPath, result);
    }
  }

  /** Fails every job still waiting, and every later call, with the given cause. */
  void close(SystemdException cause) {
    List<CompletableFuture<JobResult>> pending;
    synchronized (lock) {
      closed = cause;
      pending = List.copyOf(waiting.values());
      waiting.clear();
      unclaimed.clear();
    }
    pending.forEach(future -> future.completeExceptionally(cause));
  }

  /** Returns how many results are kept unclaimed; for tests. */
  int unclaimedCount() {
    synchronized (lock) {
      return unclaimed.size();
    }
  }

  private void callEnded() {
    callsInFlight--;
    if (callsInFlight == 0) {
      unclaimed.clear();
    }
  }

  private static void complete(CompletableFuture<JobResult> future, String jobPath, String result) {
    try {
      future.complete(JobResult.fromWireName(result));
    } catch (IllegalArgumentException e) {
      future.completeExceptionally(
          new SystemdException("reading result of job '" + jobPath + "'", e));
    }
  }

  /** An insertion-ordered map that drops its eldest entry beyond a size. */
  private static final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
    private final int limit;

    BoundedMap(int limit) {
      this.limit = limit;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > limit;
    }
  }
}
