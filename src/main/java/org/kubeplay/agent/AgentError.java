package org.kubeplay.agent;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The D-Bus errors kubeplayd answers with, by their error names; see org.kubeplay.Agent1(5). */
public enum AgentError {
  INVALID_MANIFEST("org.kubeplay.Agent1.Error.InvalidManifest"),
  NO_SUCH_WORKLOAD("org.kubeplay.Agent1.Error.NoSuchWorkload"),
  UNIT_FAILED("org.kubeplay.Agent1.Error.UnitFailed"),
  ENGINE_FAILED("org.kubeplay.Agent1.Error.EngineFailed"),
  BUSY("org.kubeplay.Agent1.Error.Busy"),
  ACCESS_DENIED("org.freedesktop.DBus.Error.AccessDenied"),
  INVALID_ARGS("org.freedesktop.DBus.Error.InvalidArgs"),
  NOT_SUPPORTED("org.freedesktop.DBus.Error.NotSupported"),
  PROPERTY_READ_ONLY("org.freedesktop.DBus.Error.PropertyReadOnly"),
  UNKNOWN_PROPERTY("org.freedesktop.DBus.Error.UnknownProperty"),
  UNKNOWN_INTERFACE("org.freedesktop.DBus.Error.UnknownInterface"),
  /** Any other failure; also what a client makes of error names it does not know. */
  FAILED("org.freedesktop.DBus.Error.Failed");

  private final String wireName;

  AgentError(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the D-Bus error name. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the error with the given D-Bus error name.
   *
   * @throws IllegalArgumentException naming the valid values if there is none
   */
  public static AgentError fromWireName(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown agent error '"
                        + name
                        + "': valid are "
                        + Arrays.stream(values())
                            .map(AgentError::wireName)
                            .collect(Collectors.joining(", "))));
  }

  /** Returns the error with the given D-Bus error name, if kubeplayd sends it. */
  public static Optional<AgentError> find(String name) {
    return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
  }
}
