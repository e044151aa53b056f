package org.kubeplay.kube;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The security settings of a container kubeplay honours; capabilities as written. */
public record SecurityContext(
    Optional<Long> runAsUser,
    Optional<Long> runAsGroup,
    boolean privileged,
    boolean readOnlyRootFilesystem,
    List<String> capabilitiesAdd,
    List<String> capabilitiesDrop) {
  /** The engine's defaults. */
  public static final SecurityContext DEFAULT =
      new SecurityContext(Optional.empty(), Optional.empty(), false, false, List.of(), List.of());

  public SecurityContext {
    Objects.requireNonNull(runAsUser, "runAsUser");
    Objects.requireNonNull(runAsGroup, "runAsGroup");
    capabilitiesAdd = List.copyOf(capabilitiesAdd);
    capabilitiesDrop = List.copyOf(capabilitiesDrop);
  }
}
