package org.kubeplay.kube;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One pod to run: from a Pod, or the pod template of a Deployment, DaemonSet or Job.
 *
 * @param name the pod's name as podman names it: a Pod's own name, {@code <name>-pod} for the
 *     others
 * @param kind the kind of object the pod comes from
 * @param annotations the object's annotations merged with its template's (the template wins)
 * @param labels the pod's labels (the template's for a Deployment, DaemonSet or Job)
 */
public record Pod(
    String name,
    Kind kind,
    List<Container> containers,
    List<Container> initContainers,
    List<Volume> volumes,
    RestartPolicy restartPolicy,
    long terminationGracePeriodSeconds,
    boolean hostNetwork,
    Optional<String> hostname,
    ExitCodePropagation exitCodePropagation,
    Map<String, String> annotations,
    Map<String, String> labels) {
  /** Kubernetes' grace period between the stop signal and SIGKILL. */
  public static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

  public Pod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    containers = List.copyOf(containers);
    if (containers.isEmpty()) {
      throw new IllegalArgumentException("pod '" + name + "' has no containers");
    }
    initContainers = List.copyOf(initContainers);
    volumes = List.copyOf(volumes);
    Objects.requireNonNull(restartPolicy, "restartPolicy");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(exitCodePropagation, "exitCodePropagation");
    annotations = Map.copyOf(annotations);
    labels = Map.copyOf(labels);
  }

  /** Returns the container or init container with the given name. */
  public Optional<Container> container(String containerName) {
    return java.util.stream.Stream.concat(initContainers.stream(), containers.stream())
        .filter(c -> c.name().equals(containerName))
        .findFirst();
  }

  /** Returns the volume with the given name. */
  public Optional<Volume> volume(String volumeName) {
    return volumes.stream().filter(v -> v.name().equals(volumeName)).findFirst();
  }
}
