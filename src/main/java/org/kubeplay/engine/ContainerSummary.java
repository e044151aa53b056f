package org.kubeplay.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One line of podman's container list.
 *
 * @param id the full container id
 * @param name the container's name
 * @param podId the full id of its pod, empty when it is in none
 * @param state its state
 * @param infra whether it is a pod's infra container
 * @param labels its labels
 */
public record ContainerSummary(
    String id,
    String name,
    String podId,
    ContainerState state,
    boolean infra,
    Map<String, String> labels) {
  public ContainerSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(podId, "podId");
    Objects.requireNonNull(state, "state");
    labels = Map.copyOf(labels);
  }
}
