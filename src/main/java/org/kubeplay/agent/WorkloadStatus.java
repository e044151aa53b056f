package org.kubeplay.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every property of one workload object.
 *
 * @param object the object path
 * @param name the short name
 * @param file the YAML file
 * @param unit the unit
 * @param activeState the unit's ActiveState
 * @param subState the unit's SubState
 * @param result the service's Result
 * @param statusText the supervisor's last STATUS=
 * @param mainPid the supervisor's pid, 0 if none
 * @param containers the declared containers
 */
public record WorkloadStatus(
    String object,
    String name,
    String file,
    String unit,
    String activeState,
    String subState,
    String result,
    String statusText,
    long mainPid,
    List<ContainerStatus> containers) {
  public WorkloadStatus {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(name, "name");
    containers = List.copyOf(containers);
  }

  /**
   * One container of a workload.
   *
   * @param name podman's name for it
   * @param id its id, empty if podman has none now
   * @param image its image
   * @param sdnotify its readiness policy
   * @param autoupdate its auto-update policy
   */
  public record ContainerStatus(
      String name, String id, String image, String sdnotify, String autoupdate) {}

  /** Builds the status from GetAll's plain values. */
  static WorkloadStatus of(String object, Map<String, Object> values) {
    List<?> rows = (List<?>) values.getOrDefault("Containers", List.of());
    return new WorkloadStatus(
        object,
        string(values, "Name"),
        string(values, "File"),
        string(values, "Unit"),
        string(values, "ActiveState"),
        string(values, "SubState"),
        string(values, "Result"),
        string(values, "StatusText"),
        ((Number) values.getOrDefault("MainPID", 0L)).longValue(),
        rows.stream().map(row -> container((List<?>) row)).toList());
  }

  private static ContainerStatus container(List<?> row) {
    return new ContainerStatus(
        (String) row.get(0),
        (String) row.get(1),
        (String) row.get(2),
        (String) row.get(3),
        (String) row.get(4));
  }

  private static String string(Map<String, Object> values, String key) {
    Object value = values.get(key);
    return value == null ? "" : value.toString();
  }
}
