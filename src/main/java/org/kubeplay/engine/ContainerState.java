package org.kubeplay.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A container's state, with the word podman's inspect and ps use for it. */
public enum ContainerState {
  CONFIGURED("configured"),
  CREATED("created"),
  INITIALIZED("initialized"),
  RUNNING("running"),
  PAUSED("paused"),
  STOPPING("stopping"),
  STOPPED("stopped"),
  EXITED("exited"),
  REMOVING("removing"),
  UNKNOWN("unknown");

  private final String wireName;

  ContainerState(String wireName) {
    this.wireName = wireName;
  }

  /** The word podman uses. */
  public String wireName() {
    return wireName;
  }

  /** Whether the container's process has ended (or never started and never will). */
  public boolean hasEnded() {
    return this == STOPPED || this == EXITED;
  }

  /** Finds the state podman calls by this word. */
  public static ContainerState fromWireName(String name) {
    for (ContainerState state : values()) {
      if (state.wireName.equals(name)) {
        return state;
      }
    }
    String valid =
        Arrays.stream(values()).map(ContainerState::wireName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("container state '" + name + "' is not one of " + valid);
  }
}
