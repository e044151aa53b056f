package org.kubeplay.kube;

import java.util.Objects;

/** One environment variable of a container. */
public record EnvVar(String name, EnvSource source) {
  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}
