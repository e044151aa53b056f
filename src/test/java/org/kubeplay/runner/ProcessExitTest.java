package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real processes: the future follows the process's end, not a timer. */
class ProcessExitTest {
  @Test
  void completesWhenTheProcessEndsAndNotBefore() throws Exception {
    // cat ends only when its input closes, which the test decides.
    Process cat = new ProcessBuilder("cat").start();
    try {
      CompletableFuture<Void> ended = ProcessExit.of(cat.pid());

      assertFalse(ended.isDone(), "completed while cat still runs");
      cat.getOutputStream().close();
      ended.get(30, TimeUnit.SECONDS);
      assertTrue(cat.waitFor(30, TimeUnit.SECONDS));
    } finally {
      cat.destroyForcibly();
    }
  }

  @Test
  void aProcessThatIsGoneCompletesAtOnce() throws Exception {
    Process done = new ProcessBuilder("true").start();
    assertTrue(done.waitFor(30, TimeUnit.SECONDS));
    // Reaped by the JDK: the pid names no process any more.
    done.onExit().get(30, TimeUnit.SECONDS);

    assertTrue(ProcessExit.of(done.pid()).isDone());
  }
}
