package org.kubeplay.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What podman does with a pod when its last container exits ({@code --exit-policy}). */
public enum ExitPolicy {
  /** The pod, and its infra container, keep running. */
  CONTINUE("continue"),
  /** The pod stops with its last container, as {@code podman kube play} asks. */
  STOP("stop");

  private final String wireName;

  ExitPolicy(String wireName) {
    this.wireName = wireName;
  }

  /** The word podman uses. */
  public String wireName() {
    return wireName;
  }

  /** Finds the policy podman calls by this word. */
  public static ExitPolicy fromWireName(String name) {
    for (ExitPolicy policy : values()) {
      if (policy.wireName.equals(name)) {
        return policy;
      }
    }
    String valid =
        Arrays.stream(values()).map(ExitPolicy::wireName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("exit policy '" + name + "' is not one of " + valid);
  }
}
