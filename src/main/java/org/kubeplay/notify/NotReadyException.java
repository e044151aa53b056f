package org.kubeplay.notify;

import java.util.Objects;

/** Why a container's readiness future failed: it exited, its deadline passed, or it closed. */
public final class NotReadyException extends Exception {
  /** What ended the wait. */
  public enum Reason {
    EXITED,
    TIMED_OUT,
    CLOSED
  }

  private final String container;
  private final Reason reason;

  NotReadyException(String container, Reason reason, String message) {
    super(message);
    this.container = Objects.requireNonNull(container, "container");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The name of the container that did not become ready. */
  public String container() {
    return container;
  }

  /** What ended the wait. */
  public Reason reason() {
    return reason;
  }
}
