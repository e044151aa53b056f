package org.kubeplay.update;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.kubeplay.engine.ContainerInfo;
import org.kubeplay.kube.AutoUpdatePolicy;

/**
 * A running container that an auto-update run looks at.
 *
 * @param unit the unit that runs it
 * @param container what podman tells about it
 * @param policy its auto-update policy, never {@code disabled}
 * @param authfile the credentials file its label names, if any
 */
record Candidate(
    String unit, ContainerInfo container, AutoUpdatePolicy policy, Optional<Path> authfile) {
  Candidate {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(authfile, "authfile");
    if (policy == AutoUpdatePolicy.DISABLED) {
      throw new IllegalArgumentException("container '" + container.name() + "' is not updated");
    }
  }

  /** The image name the container was created with, which an update points elsewhere. */
  String imageName() {
    return container.imageName();
  }

  /** Its row with this result. */
  UpdateRow row(UpdateResult result) {
    return row(result, Optional.empty());
  }

  /** Its row with this result and the reason for it. */
  UpdateRow row(UpdateResult result, Optional<String> reason) {
    return new UpdateRow(
        unit, container.id(), container.name(), container.imageName(), policy, result, reason);
  }
}
