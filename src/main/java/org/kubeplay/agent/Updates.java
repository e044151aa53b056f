package org.kubeplay.agent;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.types.Variant;
import org.kubeplay.agent.bindings.UpdateRow;

/** AutoUpdate, for the manager and for each workload. */
final class Updates {
  private Updates() {}

  /**
   * Checks the options, then answers NotSupported.
   *
   * @throws AgentException always: {@link AgentError#INVALID_ARGS} for bad options, else {@link
   *     AgentError#NOT_SUPPORTED}
   */
  // TODO(#6): check and apply updates with rollback, and answer one row per container.
  static List<UpdateRow> notYet(Map<String, Variant<?>> options) throws AgentException {
    UpdateOptions.from(options);
    throw new AgentException(
        AgentError.NOT_SUPPORTED,
        "auto-update is not available yet in this kubeplayd: it comes with the auto-update"
            + " feature (issue #6)");
  }
}
