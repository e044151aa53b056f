package org.kubeplay.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What podman's pod inspect tells about a pod.
 *
 * @param id the full pod id
 * @param name the pod's name
 * @param state its state
 * @param infraId the full id of its infra container, empty when it has none
 * @param labels its labels
 * @param containers its containers, the infra container included
 */
public record PodInfo(
    String id,
    String name,
    PodState state,
    String infraId,
    Map<String, String> labels,
    List<Member> containers) {
  public PodInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(infraId, "infraId");
    labels = Map.copyOf(labels);
    containers = List.copyOf(containers);
  }

  /**
   * A container of the pod.
   *
   * @param id the full container id
   * @param name the container's name
   * @param state its state
   */
  public record Member(String id, String name, ContainerState state) {
    public Member {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(state, "state");
    }
  }
}
