package org.kubeplay.agent;

import java.util.Objects;

/**
 * One workload as ListWorkloads gives it.
 *
 * @param name the short name
 * @param file the YAML file
 * @param unit the unit
 * @param activeState the unit's ActiveState
 * @param object the workload's object path
 */
public record WorkloadInfo(
    String name, String file, String unit, String activeState, String object) {
  public WorkloadInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(activeState, "activeState");
    Objects.requireNonNull(object, "object");
  }
}
