package org.kubeplay.systemd;

/** How a systemd job ended, as its JobRemoved signal reports. */
public enum JobResult {
  /** The job did what it was asked. */
  DONE("done"),
  /** The job was canceled before it finished. */
  CANCELED("canceled"),
  /** The job's timeout expired. */
  TIMEOUT("timeout"),
  /** The job failed: the unit's own Result says why. */
  FAILED("failed"),
  /** A job this one depended on failed. */
  DEPENDENCY("dependency"),
  /** The job was not needed: a condition or the unit's state made it moot. */
  SKIPPED("skipped"),
  /** The job type does not apply to the unit. */
  INVALID("invalid"),
  /** An assertion of the unit failed. */
  ASSERT("assert"),
  /** The unit type is not supported on this system. */
  UNSUPPORTED("unsupported"),
  /** The job was garbage-collected with its unit. */
  COLLECTED("collected"),
  /** The unit may only be started once and has been. */
  ONCE("once");

  private final String wireName;

  JobResult(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the result's name on the bus, e.g. {@code done}. */
  public String wireName() {
    return wireName;
  }

  /** Tells whether the job did what it was asked. */
  public boolean isSuccess() {
    return this == DONE;
  }

  /**
   * Returns the result with the given bus name.
   *
   * @throws IllegalArgumentException naming the valid values if there is none
   */
  public static JobResult fromWireName(String name) {
    return WireNames.lookup(values(), JobResult::wireName, name, "job result");
  }
}
