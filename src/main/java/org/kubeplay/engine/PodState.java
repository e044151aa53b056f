package org.kubeplay.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A pod's state, with the word podman's pod inspect and pod ps use for it. */
public enum PodState {
  CREATED("Created"),
  RUNNING("Running"),
  DEGRADED("Degraded"),
  PAUSED("Paused"),
  STOPPED("Stopped"),
  EXITED("Exited"),
  ERROR("Error");

  private final String wireName;

  PodState(String wireName) {
    this.wireName = wireName;
  }

  /** The word podman uses. */
  public String wireName() {
    return wireName;
  }

  /** Finds the state podman calls by this word. */
  public static PodState fromWireName(String name) {
    for (PodState state : values()) {
      if (state.wireName.equals(name)) {
        return state;
      }
    }
    String valid =
        Arrays.stream(values()).map(PodState::wireName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("pod state '" + name + "' is not one of " + valid);
  }
}
