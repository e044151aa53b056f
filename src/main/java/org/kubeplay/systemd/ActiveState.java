package org.kubeplay.systemd;

/** A unit's high-level state, its {@code ActiveState} property. */
public enum ActiveState {
  ACTIVE("active"),
  RELOADING("reloading"),
  INACTIVE("inactive"),
  FAILED("failed"),
  ACTIVATING("activating"),
  DEACTIVATING("deactivating"),
  MAINTENANCE("maintenance");

  private final String wireName;

  ActiveState(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the state's name on the bus, e.g. {@code active}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the state with the given bus name.
   *
   * @throws IllegalArgumentException naming the valid values if there is none
   */
  public static ActiveState fromWireName(String name) {
    return WireNames.lookup(values(), ActiveState::wireName, name, "active state");
  }
}
