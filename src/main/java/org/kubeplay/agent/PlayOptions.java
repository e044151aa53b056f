package org.kubeplay.agent;

import java.util.Map;
import org.freedesktop.dbus.types.Variant;

/**
 * The options of Play.
 *
 * @param replace restart the workload if it is already active (default); else answer Busy
 * @param waitForJob answer once the unit is active, or with UnitFailed
 */
record PlayOptions(boolean replace, boolean waitForJob) {
  private static final Map<String, String> KEYS = Map.of("replace", "b", "wait", "b");

  /** Reads Play's {@code a{sv}}. */
  static PlayOptions from(Map<String, Variant<?>> options) throws AgentException {
    Options read = Options.read("Play", options, KEYS);
    return new PlayOptions(read.flag("replace", true), read.flag("wait", false));
  }
}
