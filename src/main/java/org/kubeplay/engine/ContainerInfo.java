package org.kubeplay.engine;

import java.util.Map;
import java.util.Objects;

/**
 * What podman's inspect tells about a container.
 *
 * @param id the full container id
 * @param name the container's name
 * @param state its state
 * @param exitCode the exit code of its last run, 0 while it runs or before it ran
 * @param pid the host pid of its process, 0 when it does not run
 * @param imageId the full id of the image it was created from
 * @param imageName the image reference it was created with
 * @param podId the full id of its pod, empty when it is in none
 * @param labels its labels
 */
public record ContainerInfo(
    String id,
    String name,
    ContainerState state,
    int exitCode,
    long pid,
    String imageId,
    String imageName,
    String podId,
    Map<String, String> labels) {
  public ContainerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(podId, "podId");
    labels = Map.copyOf(labels);
  }

  /** Whether the container's process is running. */
  public boolean running() {
    return state == ContainerState.RUNNING;
  }
}
