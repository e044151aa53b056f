package org.kubeplay.systemd;

import java.util.Objects;

/**
 * A unit that systemd loaded into memory or unloaded: its UnitNew or UnitRemoved signal.
 *
 * @param unit the unit's name
 * @param kind whether it was loaded or unloaded
 */
public record UnitPresence(String unit, Kind kind) {
  public UnitPresence {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(kind, "kind");
  }

  /** Whether the unit came or went. */
  public enum Kind {
    /** UnitNew: the unit is loaded now. */
    LOADED,
    /** UnitRemoved: the unit is no longer loaded. */
    UNLOADED
  }
}
