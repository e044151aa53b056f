package org.kubeplay.systemd;

/**
 * The D-Bus errors systemd's manager answers with, by their error names.
 *
 * @see <a href="https://www.freedesktop.org/software/systemd/man/org.freedesktop.systemd1.html">
 *     org.freedesktop.systemd1(5)</a>
 */
public enum SystemdError {
  NO_SUCH_UNIT("org.freedesktop.systemd1.NoSuchUnit"),
  NO_UNIT_FOR_PID("org.freedesktop.systemd1.NoUnitForPID"),
  UNIT_EXISTS("org.freedesktop.systemd1.UnitExists"),
  LOAD_FAILED("org.freedesktop.systemd1.LoadFailed"),
  BAD_UNIT_SETTING("org.freedesktop.systemd1.BadUnitSetting"),
  JOB_FAILED("org.freedesktop.systemd1.JobFailed"),
  NO_SUCH_JOB("org.freedesktop.systemd1.NoSuchJob"),
  NOT_SUBSCRIBED("org.freedesktop.systemd1.NotSubscribed"),
  ALREADY_SUBSCRIBED("org.freedesktop.systemd1.AlreadySubscribed"),
  ONLY_BY_DEPENDENCY("org.freedesktop.systemd1.OnlyByDependency"),
  TRANSACTION_JOBS_CONFLICTING("org.freedesktop.systemd1.TransactionJobsConflicting"),
  TRANSACTION_ORDER_IS_CYCLIC("org.freedesktop.systemd1.TransactionOrderIsCyclic"),
  TRANSACTION_IS_DESTRUCTIVE("org.freedesktop.systemd1.TransactionIsDestructive"),
  UNIT_MASKED("org.freedesktop.systemd1.UnitMasked"),
  UNIT_GENERATED("org.freedesktop.systemd1.UnitGenerated"),
  UNIT_LINKED("org.freedesktop.systemd1.UnitLinked"),
  UNIT_BAD("org.freedesktop.systemd1.UnitBad"),
  JOB_TYPE_NOT_APPLICABLE("org.freedesktop.systemd1.JobTypeNotApplicable"),
  NO_ISOLATION("org.freedesktop.systemd1.NoIsolation"),
  SHUTTING_DOWN("org.freedesktop.systemd1.ShuttingDown"),
  UNIT_INACTIVE("org.freedesktop.systemd1.UnitInactive"),
  ACCESS_DENIED("org.freedesktop.DBus.Error.AccessDenied"),
  INTERACTIVE_AUTHORIZATION_REQUIRED("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired"),
  INVALID_ARGS("org.freedesktop.DBus.Error.InvalidArgs"),
  SERVICE_UNKNOWN("org.freedesktop.DBus.Error.ServiceUnknown"),
  NO_REPLY("org.freedesktop.DBus.Error.NoReply"),
  UNKNOWN_METHOD("org.freedesktop.DBus.Error.UnknownMethod"),
  UNKNOWN_OBJECT("org.freedesktop.DBus.Error.UnknownObject"),
  /** Any other error, or none: the connection failed, or the job's result was not understood. */
  OTHER("");

  private final String wireName;

  SystemdError(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the D-Bus error name, or the empty string for {@link #OTHER}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the error with the given D-Bus error name.
   *
   * @throws IllegalArgumentException naming the valid values if there is none
   */
  public static SystemdError fromWireName(String name) {
    return WireNames.lookup(values(), SystemdError::wireName, name, "systemd error");
  }

  /** Returns the error with the given D-Bus error name, or {@link #OTHER}. */
  static SystemdError classify(String name) {
    return WireNames.find(values(), SystemdError::wireName, name == null ? "" : name).orElse(OTHER);
  }
}
