package org.kubeplay.kube;

import java.util.Objects;

/** A named volume of a pod, which its containers mount. */
public record Volume(String name, VolumeSource source) {
  public Volume {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}
