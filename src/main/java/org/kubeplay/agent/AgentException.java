package org.kubeplay.agent;

import java.util.Objects;

/** A call to the agent failed; {@link #error()} says how, as a D-Bus error name would. */
public final class AgentException extends Exception {
  private static final long serialVersionUID = 1L;

  private final AgentError error;

  public AgentException(AgentError error, String message) {
    this(error, message, null);
  }

  public AgentException(AgentError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** Returns the kind of failure. */
  public AgentError error() {
    return error;
  }
}
