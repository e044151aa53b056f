package org.kubeplay.systemd;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Properties of a unit that changed, from one PropertiesChanged signal of systemd.
 *
 * <p>Values are plain Java: strings (object paths too), {@code Boolean}, {@code Integer} for signed
 * and {@code Long} for unsigned integers, {@code List} for arrays and structs, {@code Map} for
 * dictionaries.
 *
 * @param unit the unit's name
 * @param interfaceName the D-Bus interface whose properties changed, e.g. {@code
 *     org.freedesktop.systemd1.Unit}
 * @param changed the new values by property name
 * @param invalidated names of properties that changed without their new value
 */
public record UnitChange(
    String unit, String interfaceName, Map<String, Object> changed, List<String> invalidated) {
  public UnitChange {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(interfaceName, "interfaceName");
    changed = Map.copyOf(changed);
    invalidated = List.copyOf(invalidated);
  }

  /** Returns the new ActiveState, if this change carries one. */
  public Optional<ActiveState> activeState() {
    return Optional.ofNullable(changed.get("ActiveState"))
        .map(state -> ActiveState.fromWireName((String) state));
  }
}
