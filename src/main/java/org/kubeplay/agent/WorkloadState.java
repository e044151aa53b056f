package org.kubeplay.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kubeplay.systemd.UnitChange;
import org.kubeplay.systemd.UnitState;

/**
 * The part of a workload's unit state that its object mirrors, under the workload's property names.
 *
 * @param activeState the unit's ActiveState
 * @param subState the unit's SubState
 * @param result the service's Result
 * @param statusText the service's StatusText: the supervisor's last STATUS=
 * @param mainPid the service's MainPID: the supervisor
 */
record WorkloadState(
    String activeState, String subState, String result, String statusText, long mainPid) {
  static final String UNIT_INTERFACE = "org.freedesktop.systemd1.Unit";
  static final String SERVICE_INTERFACE = "org.freedesktop.systemd1.Service";

  /** The systemd properties mirrored, each the workload property of the same name. */
  private static final Map<String, Set<String>> MIRRORED =
      Map.of(
          UNIT_INTERFACE, Set.of("ActiveState", "SubState"),
          SERVICE_INTERFACE, Set.of("Result", "StatusText", "MainPID"));

  WorkloadState {
    Objects.requireNonNull(activeState, "activeState");
    Objects.requireNonNull(subState, "subState");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(statusText, "statusText");
  }

  static WorkloadState of(UnitState unit) {
    return new WorkloadState(
        unit.activeState().wireName(),
        unit.subState(),
        unit.result(),
        unit.statusText(),
        unit.mainPid());
  }

  /** The state of a unit that is not loaded. */
  static WorkloadState unloaded() {
    return new WorkloadState("inactive", "dead", "", "", 0);
  }

  /** Returns this state with the values a change of the unit carries. */
  WorkloadState with(UnitChange change) {
    Map<String, Object> values = change.changed();
    if (change.interfaceName().equals(UNIT_INTERFACE)) {
      return new WorkloadState(
          string(values, "ActiveState", activeState),
          string(values, "SubState", subState),
          result,
          statusText,
          mainPid);
    }
    if (change.interfaceName().equals(SERVICE_INTERFACE)) {
      Object pid = values.get("MainPID");
      return new WorkloadState(
          activeState,
          subState,
          string(values, "Result", result),
          string(values, "StatusText", statusText),
          pid == null ? mainPid : ((Number) pid).longValue());
    }
    return this;
  }

  /** Tells whether a change invalidates a mirrored property without its value: read it again. */
  static boolean invalidatesMirrored(UnitChange change) {
    Set<String> mirrored = MIRRORED.getOrDefault(change.interfaceName(), Set.of());
    return change.invalidated().stream().anyMatch(mirrored::contains);
  }

  /** Returns the workload properties whose values differ from those of another state. */
  Map<String, Object> changedSince(WorkloadState before) {
    Map<String, Object> changed = new LinkedHashMap<>();
    properties()
        .forEach(
            (name, value) -> {
              if (!value.equals(before.properties().get(name))) {
                changed.put(name, value);
              }
            });
    return changed;
  }

  /** Returns the workload properties this state holds: strings, and MainPID as a Long. */
  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ActiveState", activeState);
    properties.put("SubState", subState);
    properties.put("Result", result);
    properties.put("StatusText", statusText);
    properties.put("MainPID", mainPid);
    return properties;
  }

  /** Names of the properties that this state holds, for tests and GetAll. */
  static List<String> names() {
    return List.of("ActiveState", "SubState", "Result", "StatusText", "MainPID");
  }

  private static String string(Map<String, Object> values, String key, String otherwise) {
    Object value = values.get(key);
    return value instanceof String text ? text : otherwise;
  }
}
