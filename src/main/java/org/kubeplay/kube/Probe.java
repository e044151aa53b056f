package org.kubeplay.kube;

import java.util.Objects;

/**
 * A liveness, readiness or startup probe with its timing, defaults as in Kubernetes: delay 0,
 * period 10 s, timeout 1 s, success threshold 1, failure threshold 3.
 */
public record Probe(
    ProbeAction action,
    int initialDelaySeconds,
    int periodSeconds,
    int timeoutSeconds,
    int successThreshold,
    int failureThreshold) {
  public static final int DEFAULT_INITIAL_DELAY_SECONDS = 0;
  public static final int DEFAULT_PERIOD_SECONDS = 10;
  public static final int DEFAULT_TIMEOUT_SECONDS = 1;
  public static final int DEFAULT_SUCCESS_THRESHOLD = 1;
  public static final int DEFAULT_FAILURE_THRESHOLD = 3;

  public Probe {
    Objects.requireNonNull(action, "action");
    if (initialDelaySeconds < 0 || periodSeconds < 1 || timeoutSeconds < 1) {
      throw new IllegalArgumentException("probe timing out of range");
    }
    if (successThreshold < 1 || failureThreshold < 1) {
      throw new IllegalArgumentException("probe thresholds must be at least 1");
    }
  }
}
