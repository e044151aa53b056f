package org.kubeplay.kube;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A PersistentVolumeClaim of the file, which the engine maps to a named volume. */
public record PersistentVolumeClaim(
    String name, List<String> accessModes, Optional<Long> storageBytes) {
  public PersistentVolumeClaim {
    Objects.requireNonNull(name, "name");
    accessModes = List.copyOf(accessModes);
    Objects.requireNonNull(storageBytes, "storageBytes");
  }
}
