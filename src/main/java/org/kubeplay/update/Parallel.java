package org.kubeplay.update;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs blocking tasks on a fixed number of daemon threads; closing it stops what is left. */
final class Parallel implements AutoCloseable {
  private final ExecutorService executor;

  Parallel(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts a task that reports its own failures in its outcome. */
  <T> Future<Outcome<T>> submit(Callable<Outcome<T>> task) {
    return executor.submit(task);
  }

  /** Waits for a task; a defect that escaped it becomes a failed outcome. */
  static <T> Outcome<T> await(Future<Outcome<T>> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      return Outcome.failed("unexpected failure: " + e.getCause());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
