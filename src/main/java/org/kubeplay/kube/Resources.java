package org.kubeplay.kube;

import java.util.Objects;
import java.util.Optional;

/** CPU and memory requests and limits of a container, in millicores and bytes. */
public record Resources(
    Optional<Long> cpuRequestMillis,
    Optional<Long> cpuLimitMillis,
    Optional<Long> memoryRequestBytes,
    Optional<Long> memoryLimitBytes) {
  /** No requests and no limits. */
  public static final Resources NONE =
      new Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public Resources {
    Objects.requireNonNull(cpuRequestMillis, "cpuRequestMillis");
    Objects.requireNonNull(cpuLimitMillis, "cpuLimitMillis");
    Objects.requireNonNull(memoryRequestBytes, "memoryRequestBytes");
    Objects.requireNonNull(memoryLimitBytes, "memoryLimitBytes");
  }
}
