package org.kubeplay.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.kubeplay.notify.NotifyClient;
import org.kubeplay.notify.NotifyListener;
import org.kubeplay.notify.NotifyMessage;

/**
 * What the supervisor tells its service manager: its own progress, and what its containers may say.
 * Without {@code $NOTIFY_SOCKET} (run by hand) every message goes nowhere.
 *
 * <p>Messages leave in order from a thread of their own. The first one loads the native socket
 * binding, a fifth of a second of work that then overlaps the supervisor's first podman calls
 * instead of delaying them; {@link #close} sends what is queued before the process exits.
 */
final class Notifier implements NotifyListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

  /** How long {@link #close} waits for queued messages: a stuck socket must not hold the exit. */
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

  private final NotifyClient client;
  private final Map<String, String> lastStatus = new ConcurrentHashMap<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(DaemonThreads.named("kubeplay-notify"));

  Notifier(NotifyClient client) {
    this.client = client;
  }

  /** Sends what is queued, waiting at most a few seconds, and stops the sending thread. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "notify messages still unsent at exit, dropped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends a STATUS line; a text of several lines (such as podman's errors) becomes one. */
  void status(String text) {
    send(List.of(new NotifyMessage.Status(oneLine(text))));
  }

  static String oneLine(String text) {
    return text.strip().replace('\0', ' ').replaceAll("\\s*\n\\s*", " / ");
  }

  /** Asks for more start time: systemd's start timeout restarts from now with this much. */
  void extendTimeout(Duration extension) {
    send(List.of(new NotifyMessage.ExtendTimeoutUsec(extension.toNanos() / 1000)));
  }

  /** The workload is ready: this process is the unit's main process from now on. */
  void ready(String status) {
    send(
        List.of(
            new NotifyMessage.MainPid(ProcessHandle.current().pid()),
            new NotifyMessage.Ready(),
            new NotifyMessage.Status(oneLine(status))));
  }

  void stopping(String status) {
    send(List.of(new NotifyMessage.Stopping(), new NotifyMessage.Status(oneLine(status))));
  }

  /**
   * Forwards what a container may tell the service manager: its STATUS, prefixed with its name, and
   * WATCHDOG, EXTEND_TIMEOUT_USEC and ERRNO as they are.
   */
  @Override
  public void onMessage(String container, NotifyMessage message) {
    if (message instanceof NotifyMessage.Status status) {
      lastStatus.put(container, status.text());
      send(List.of(new NotifyMessage.Status(container + ": " + status.text())));
    } else if (message instanceof NotifyMessage.Watchdog
        || message instanceof NotifyMessage.ExtendTimeoutUsec
        || message instanceof NotifyMessage.Errno) {
      send(List.of(message));
    } else {
      // STOPPING of one container is not the unit stopping.
      LOG.log(
          System.Logger.Level.DEBUG, "not forwarding {0} of container ''{1}''", message, container);
    }
  }

  /**
   * The supervisor's own status line, followed by what each container last said, so that a STATUS a
   * container sent with its READY=1 is not hidden by the line that follows it.
   */
  String withContainerStatus(String line) {
    StringBuilder text = new StringBuilder(line);
    new TreeMap<>(lastStatus).forEach((c, s) -> text.append("; ").append(c).append(": ").append(s));
    return text.toString();
  }

  private void send(List<NotifyMessage> messages) {
    try {
      sender.execute(() -> sendNow(messages));
    } catch (RejectedExecutionException closed) {
      LOG.log(System.Logger.Level.DEBUG, "notifier closed, not sending {0}", messages);
    }
  }

  private void sendNow(List<NotifyMessage> messages) {
    try {
      client.send(messages);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "notifying the service manager failed, ignoring", e);
    }
  }
}
