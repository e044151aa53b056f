package org.kubeplay.systemd;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A job systemd queued for a unit, and its result once its JobRemoved signal arrives. */
public final class Job {
  private final String unit;
  private final String path;
  private final CompletableFuture<JobResult> result;

  Job(String unit, String path, CompletableFuture<JobResult> result) {
    this.unit = Objects.requireNonNull(unit);
    this.path = Objects.requireNonNull(path);
    this.result = Objects.requireNonNull(result);
  }

  /** Returns the name of the unit the job was queued for. */
  public String unit() {
    return unit;
  }

  /** Returns the job's object path, e.g. {@code /org/freedesktop/systemd1/job/42}. */
  public String path() {
    return path;
  }

  /**
   * Returns a stage that completes with the job's result, or exceptionally with a {@link
   * SystemdException} if the connection closes first.
   */
  public CompletionStage<JobResult> completion() {
    return result.minimalCompletionStage();
  }

  /**
   * Waits for the job to end and returns its result.
   *
   * @throws TimeoutException if the job has not ended within the timeout; it keeps running
   * @throws SystemdException if the connection closed before the job ended
   */
  public JobResult await(Duration timeout)
      throws InterruptedException, TimeoutException, SystemdException {
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException(
          "waiting for job '" + path + "' of unit '" + unit + "': no result after " + timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SystemdException cause) {
        throw new SystemdException(
            "waiting for job '" + path + "' of unit '" + unit + "'",
            cause.error(),
            cause.errorName(),
            cause);
      }
      throw new SystemdException("waiting for job '" + path + "' of unit '" + unit + "'", e);
    }
  }

  @Override
  public String toString() {
    return "Job[" + unit + ", " + path + "]";
  }
}
