package org.kubeplay.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class JobTrackerTest {
  private static final String JOB = "/org/freedesktop/systemd1/job/7";

  private final JobTracker tracker = new JobTracker();

  @Test
  void resultAfterReplyCompletesTheJob() throws Exception {
    tracker.callStarting();
    CompletableFuture<JobResult> job = tracker.callReturned(JOB);

    tracker.jobRemoved(JOB, "done");

    assertEquals(JobResult.DONE, job.getNow(null));
  }

  @Test
  void resultBeforeReplyIsKeptForTheReply() throws Exception {
    tracker.callStarting();

    tracker.jobRemoved(JOB, "failed");
    CompletableFuture<JobResult> job = tracker.callReturned(JOB);

    assertEquals(JobResult.FAILED, job.getNow(null));
  }

  @Test
  void mergedJobCompletesForEveryCallThatReturnedIt() throws Exception {
    tracker.callStarting();
    tracker.callStarting();
    tracker.jobRemoved(JOB, "done");

    CompletableFuture<JobResult> first = tracker.callReturned(JOB);
    CompletableFuture<JobResult> second = tracker.callReturned(JOB);

    assertEquals(JobResult.DONE, first.getNow(null));
    assertEquals(JobResult.DONE, second.getNow(null));
  }

  @Test
  void callsWaitingForOneJobShareItsResult() throws Exception {
    tracker.callStarting();
    tracker.callStarting();
    CompletableFuture<JobResult> first = tracker.callReturned(JOB);
    CompletableFuture<JobResult> second = tracker.callReturned(JOB);

    tracker.jobRemoved(JOB, "canceled");

    assertSame(first, second);
    assertEquals(JobResult.CANCELED, second.getNow(null));
  }

  @Test
  void resultsOfOtherClientsAreDroppedWhenNoCallIsInFlight() throws Exception {
    tracker.jobRemoved("/org/freedesktop/systemd1/job/1", "done");
    tracker.callStarting();
    tracker.jobRemoved("/org/freedesktop/systemd1/job/2", "done");
    assertEquals(1, tracker.unclaimedCount());

    tracker.callReturned(JOB);

    assertEquals(0, tracker.unclaimedCount());
  }

  @Test
  void unclaimedResultsAreBounded() throws Exception {
    tracker.callStarting();

    for (int i = 0; i < JobTracker.MAX_UNCLAIMED_RESULTS + 10; i++) {
      tracker.jobRemoved("/org/freedesktop/systemd1/job/" + i, "done");
    }

    assertEquals(JobTracker.MAX_UNCLAIMED_RESULTS, tracker.unclaimedCount());
  }

  @Test
  void failedCallClaimsNothingAndLetsResultsGo() throws Exception {
    tracker.callStarting();
    tracker.jobRemoved(JOB, "done");

    tracker.callFailed();

    assertEquals(0, tracker.unclaimedCount());
  }

  @Test
  void unknownResultFailsTheJobNamingValidResults() throws Exception {
    tracker.callStarting();
    CompletableFuture<JobResult> job = tracker.callReturned(JOB);

    tracker.jobRemoved(JOB, "exploded");

    ExecutionException e = assertThrows(ExecutionException.class, job::get);
    assertEquals("reading result of job '" + JOB + "'", e.getCause().getMessage());
    assertEquals(
        "unknown job result 'exploded', valid: done, canceled, timeout, failed, dependency,"
            + " skipped, invalid, assert, unsupported, collected, once",
        e.getCause().getCause().getMessage());
  }

  @Test
  void closeFailsWaitingJobsAndLaterCalls() throws Exception {
    tracker.callStarting();
    CompletableFuture<JobResult> job = tracker.callReturned(JOB);
    SystemdException closed = new SystemdException("connection to systemd closed", null);

    tracker.close(closed);

    ExecutionException e = assertThrows(ExecutionException.class, job::get);
    assertSame(closed, e.getCause());
    assertSame(closed, assertThrows(SystemdException.class, tracker::callStarting));
    assertFalse(job.isCancelled());
  }
}
