package org.kubeplay.update;

import java.util.Objects;
import java.util.Optional;
import org.kubeplay.kube.AutoUpdatePolicy;

/**
 * One container's line of an auto-update run.
 *
 * @param unit the systemd unit that runs the container
 * @param containerId the container's full id
 * @param containerName the container's name
 * @param image the image name the container was created with
 * @param policy its auto-update policy
 * @param updated what the run did
 * @param reason why it failed or was rolled back; empty otherwise
 */
public record UpdateRow(
    String unit,
    String containerId,
    String containerName,
    String image,
    AutoUpdatePolicy policy,
    UpdateResult updated,
    Optional<String> reason) {
  /** How many characters of the id podman shows. */
  static final int SHORT_ID_LENGTH = 12;

  public UpdateRow {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(reason, "reason");
  }

  /** The container as podman's CONTAINER column shows it: {@code <id12> (<name>)}. */
  public String container() {
    String shortId = containerId.substring(0, Math.min(SHORT_ID_LENGTH, containerId.length()));
    return shortId + " (" + containerName + ")";
  }
}
