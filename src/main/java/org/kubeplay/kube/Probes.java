package org.kubeplay.kube;

import java.util.Objects;
import java.util.Optional;

/** The three probes a container may have. */
public record Probes(Optional<Probe> liveness, Optional<Probe> readiness, Optional<Probe> startup) {
  /** No probe at all. */
  public static final Probes NONE =
      new Probes(Optional.empty(), Optional.empty(), Optional.empty());

  public Probes {
    Objects.requireNonNull(liveness, "liveness");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(startup, "startup");
  }

  /** Returns true if the container has at least one probe. */
  public boolean any() {
    return liveness.isPresent() || readiness.isPresent() || startup.isPresent();
  }
}
