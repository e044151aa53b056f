package org.kubeplay.agent;

import java.util.Map;
import org.freedesktop.dbus.types.Variant;

/**
 * The options of Stop and Restart.
 *
 * @param waitForJob answer once the unit's job has ended, or with UnitFailed
 */
record JobOptions(boolean waitForJob) {
  private static final Map<String, String> KEYS = Map.of("wait", "b");

  /** Reads the {@code a{sv}} of the named method. */
  static JobOptions from(String method, Map<String, Variant<?>> options) throws AgentException {
    return new JobOptions(Options.read(method, options, KEYS).flag("wait", false));
  }
}
