package org.kubeplay.kube;

import java.util.Objects;
import java.util.Optional;

/** Where a volume of the pod appears in a container; {@code name} names a pod volume. */
public record VolumeMount(
    String name, String mountPath, boolean readOnly, Optional<String> subPath) {
  public VolumeMount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mountPath, "mountPath");
    Objects.requireNonNull(subPath, "subPath");
  }
}
