package org.kubeplay.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.kubeplay.notify.NotifyHub;
import org.kubeplay.notify.NotifyListener;
import org.kubeplay.notify.NotifyProxy;
import org.kubeplay.notify.SocketAccess;

/**
 * The notify proxies of a workload's containers. Their hub starts with the first proxy: most
 * workloads have no container that speaks sd_notify itself, and then no poll thread runs at all.
 * Used by the supervisor's own thread only.
 */
final class Proxies implements AutoCloseable {
  private final String workload;
  private final NotifyListener listener;
  private NotifyHub hub;

  Proxies(String workload, NotifyListener listener) {
    this.workload = workload;
    this.listener = listener;
  }

  NotifyProxy open(String container, Path socket, SocketAccess access, Duration readyTimeout)
      throws IOException {
    if (hub == null) {
      hub = NotifyHub.start(workload, listener);
    }
    return hub.open(container, socket, access, readyTimeout);
  }

  @Override
  public void close() {
    if (hub != null) {
      hub.close();
    }
  }
}
