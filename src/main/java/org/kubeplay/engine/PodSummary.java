package org.kubeplay.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One line of podman's pod list.
 *
 * @param id the full pod id
 * @param name the pod's name
 * @param state its state
 * @param labels its labels
 */
public record PodSummary(String id, String name, PodState state, Map<String, String> labels) {
  public PodSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    labels = Map.copyOf(labels);
  }
}
