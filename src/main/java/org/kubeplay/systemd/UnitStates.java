package org.kubeplay.systemd;

import java.util.Map;

/** Builds {@link UnitState} records from the property maps GetAll returns. */
final class UnitStates {
  private UnitStates() {}

  static UnitState from(Map<?, ?> unit, Map<?, ?> service) {
    return new UnitState(
        string(unit, "Id"),
        string(unit, "LoadState"),
        ActiveState.fromWireName(string(unit, "ActiveState")),
        string(unit, "SubState"),
        string(unit, "FragmentPath"),
        string(service, "Result"),
        number(service, "MainPID"),
        (int) number(service, "ExecMainCode"),
        (int) number(service, "ExecMainStatus"),
        string(service, "StatusText"),
        number(service, "NRestarts"));
  }

  private static String string(Map<?, ?> properties, String name) {
    Object value = DBusValues.plain(properties.get(name));
    return value == null ? "" : (String) value;
  }

  private static long number(Map<?, ?> properties, String name) {
    Object value = DBusValues.plain(properties.get(name));
    return value == null ? 0 : ((Number) value).longValue();
  }
}
