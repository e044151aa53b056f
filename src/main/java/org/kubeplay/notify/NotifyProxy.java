package org.kubeplay.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The notify socket of one container: bound before the container starts, read by its {@link
 * NotifyHub} until closed.
 *
 * <p>It turns the container's {@code READY=1} into {@link #readiness}, hands the messages its
 * service manager should see to the hub's listener, and keeps everything else to itself: a
 * container's {@code MAINPID} never gets through, and every fd the container sends is closed (which
 * is how its {@code BARRIER=1} is answered). Create one with {@link NotifyHub#open}.
 */
public final class NotifyProxy implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NotifyProxy.class.getName());

  private final NotifyHub hub;
  private final String container;
  private final NotifySocket socket;
  private final CompletableFuture<Void> readiness = new CompletableFuture<>();
  private boolean fdStoreLogged;
  private final AtomicBoolean closed = new AtomicBoolean();

  NotifyProxy(NotifyHub hub, String container, NotifySocket socket, Duration readyTimeout) {
    this.hub = hub;
    this.container = container;
    this.socket = socket;
    CompletableFuture.delayedExecutor(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> failReadiness(NotReadyException.Reason.TIMED_OUT, timeoutText(readyTimeout)));
  }

  /** The container's name, as the proxy's messages and errors give it. */
  public String container() {
    return container;
  }

  /** The socket file, to bind-mount into the container and name in its NOTIFY_SOCKET. */
  public Path path() {
    return socket.path();
  }

  /**
   * Completes when the container sends {@code READY=1}; fails with a {@link NotReadyException} when
   * it exits first, its deadline passes, or the proxy is closed.
   *
   * <p>Each call returns a new view, so a caller cannot complete it for others. The future
   * completes on the hub's thread: attach slow work with the {@code *Async} methods.
   */
  public CompletableFuture<Void> readiness() {
    return readiness.copy();
  }

  /** Fails {@link #readiness} if the container has not been ready before it exited. */
  public void containerExited(int exitCode, String detail) {
    String text =
        "container '" + container + "' exited with code " + exitCode + " before it was ready";
    failReadiness(NotReadyException.Reason.EXITED, detail.isBlank() ? text : text + ": " + detail);
  }

  /** Stops reading, closes and removes the socket; a second call does nothing. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    hub.release(this);
    failReadiness(
        NotReadyException.Reason.CLOSED,
        "notify proxy of container '" + container + "' closed before the container was ready");
  }

  NotifySocket socket() {
    return socket;
  }

  /** Reads up to {@code limit} waiting datagrams; returns how many there were. */
  int readSome(int limit) {
    int read = 0;
    try {
      while (read < limit && socket.receive(this::handle)) {
        read++;
      }
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "container ''{0}'': {1}, ignoring",
          container,
          e.getMessage());
    }
    return read;
  }

  private void handle(Datagram datagram) {
    boolean acknowledged = false;
    boolean ready = false;
    for (NotifyMessage message : NotifyParser.parse(datagram.payload())) {
      ready |= message instanceof NotifyMessage.Ready;
      acknowledged |= handle(message, datagram.fdCount());
    }
    if (ready) {
      // After the whole datagram: a STATUS sent with READY=1 reaches the listener first.
      hub.afterForwarded(this::markReady);
    }
    if (datagram.fdCount() > 0 && !acknowledged) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "container ''{0}'' sent {1} fds without BARRIER=1, closing them",
          container,
          datagram.fdCount());
    }
  }

  /** Acts on one message; returns whether it explains the fds that came with it. */
  private boolean handle(NotifyMessage message, int fdCount) {
    if (message instanceof NotifyMessage.Ready) {
      return false; // marked once the whole datagram is handled
    } else if (isForwarded(message)) {
      hub.forward(this, message);
    } else if (message instanceof NotifyMessage.Barrier) {
      return true;
    } else if (message instanceof NotifyMessage.FdStore) {
      logFdStoreOnce(fdCount);
      return true;
    } else if (message instanceof NotifyMessage.MainPid) {
      logIgnored(message, "only the supervisor sets the main pid");
    } else {
      logIgnored(message, "the service manager does not need it");
    }
    return false;
  }

  /** Whether the listener gets a message: what the container's service manager should see. */
  static boolean isForwarded(NotifyMessage message) {
    return message instanceof NotifyMessage.Status
        || message instanceof NotifyMessage.Watchdog
        || message instanceof NotifyMessage.ExtendTimeoutUsec
        || message instanceof NotifyMessage.Errno
        || message instanceof NotifyMessage.Stopping;
  }

  private void markReady() {
    if (readiness.complete(null)) {
      LOG.log(System.Logger.Level.DEBUG, "container ''{0}'' is ready", container);
    }
  }

  private void failReadiness(NotReadyException.Reason reason, String message) {
    readiness.completeExceptionally(new NotReadyException(container, reason, message));
  }

  private void logFdStoreOnce(int fdCount) {
    if (!fdStoreLogged) {
      fdStoreLogged = true;
      LOG.log(
          System.Logger.Level.WARNING,
          "container ''{0}'' sent FDSTORE=1 with {1} fds; kubeplay keeps no fds and closed them,"
              + " ignoring",
          container,
          fdCount);
    }
  }

  private void logIgnored(NotifyMessage message, String why) {
    LOG.log(
        System.Logger.Level.DEBUG,
        "container ''{0}'' sent ''{1}'': {2}, ignoring",
        container,
        message.toWire(),
        why);
  }

  private String timeoutText(Duration readyTimeout) {
    return "container '"
        + container
        + "' sent no READY=1 within "
        + readyTimeout.toMillis()
        + " ms";
  }
}
