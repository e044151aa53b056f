package org.kubeplay.agent;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.types.Variant;

/**
 * The options of AutoUpdate.
 *
 * @param dryRun only report what would be updated
 * @param rollback restore the previous image when an updated workload fails to start (default)
 * @param units the units to check; empty means all
 */
record UpdateOptions(boolean dryRun, boolean rollback, List<String> units) {
  private static final Map<String, String> KEYS =
      Map.of("dry_run", "b", "rollback", "b", "units", "as");

  UpdateOptions {
    units = List.copyOf(units);
  }

  /** Reads AutoUpdate's {@code a{sv}}. */
  static UpdateOptions from(Map<String, Variant<?>> options) throws AgentException {
    Options read = Options.read("AutoUpdate", options, KEYS);
    return new UpdateOptions(
        read.flag("dry_run", false), read.flag("rollback", true), read.strings("units"));
  }
}
