package org.kubeplay.systemd;

import java.util.Objects;

/**
 * One unit as ListUnitsByPatterns reports it.
 *
 * @param name the unit's name
 * @param description its Description=
 * @param loadState e.g. {@code loaded}, {@code not-found}
 * @param activeState the high-level state
 * @param subState the type-specific state
 */
public record UnitSummary(
    String name, String description, String loadState, ActiveState activeState, String subState) {
  public UnitSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(loadState, "loadState");
    Objects.requireNonNull(activeState, "activeState");
    Objects.requireNonNull(subState, "subState");
  }
}
