package org.kubeplay.runner;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the supervisor's process alive: it ends when its work is done. */
final class DaemonThreads {
  private DaemonThreads() {}

  /** Makes daemon threads that all carry {@code name}. */
  static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
