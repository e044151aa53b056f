package org.kubeplay.runner;

import java.util.List;
import org.kubeplay.kube.ExitCodePropagation;

/**
 * The supervisor's exit code when a pod ended by itself, by the pod's propagation rule, as podman's
 * {@code --service-exit-code-propagation} defines them.
 */
final class ExitCodes {
  private ExitCodes() {}

  /**
   * Returns the code to exit with, given each container's exit code in pod order.
   *
   * <p>{@code none}: always 0. {@code any}: the first non-zero code, if any container failed.
   * {@code all}: the last non-zero code, only if every container failed.
   */
  static int propagate(ExitCodePropagation rule, List<Integer> codes) {
    return switch (rule) {
      case NONE -> 0;
      case ANY -> codes.stream().filter(code -> code != 0).findFirst().orElse(0);
      case ALL -> codes.isEmpty() || codes.contains(0) ? 0 : codes.get(codes.size() - 1);
    };
  }
}
