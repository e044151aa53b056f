package org.kubeplay.systemd;

/** How systemd queues a new job against jobs already queued for the same units. */
public enum JobMode {
  /** Replace conflicting queued jobs: what {@code systemctl start} does. */
  REPLACE("replace"),
  /** Fail if the new job conflicts with a queued one. */
  FAIL("fail"),
  /** Like replace, and the new job's cancellation can not be undone by later jobs. */
  REPLACE_IRREVERSIBLY("replace-irreversibly"),
  /** Stop every unit the new one does not need. */
  ISOLATE("isolate"),
  /** Queue the job but none of the unit's dependencies. */
  IGNORE_DEPENDENCIES("ignore-dependencies"),
  /** Queue the job and only the ordering of the unit's dependencies. */
  IGNORE_REQUIREMENTS("ignore-requirements"),
  /** Cancel all queued jobs first. */
  FLUSH("flush"),
  /** Also stop the units that trigger this one. */
  TRIGGERING("triggering");

  private final String wireName;

  JobMode(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the mode's name on the bus, e.g. {@code replace}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the mode with the given bus name.
   *
   * @throws IllegalArgumentException naming the valid values if there is none
   */
  public static JobMode fromWireName(String name) {
    return WireNames.lookup(values(), JobMode::wireName, name, "job mode");
  }
}
