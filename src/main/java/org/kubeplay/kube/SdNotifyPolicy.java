package org.kubeplay.kube;

/**
 * When a container counts as ready, from the annotations {@code io.containers.sdnotify} and {@code
 * io.containers.sdnotify/<container>}, with podman's names.
 */
public enum SdNotifyPolicy implements WireName {
  /** Ready once it has started. */
  CONMON("conmon"),
  /** Ready when the container itself sends READY=1 on its notify socket. */
  CONTAINER("container"),
  /** Ready once its probe passes; needs a probe on the container. */
  HEALTHY("healthy"),
  /** Not waited for. */
  IGNORE("ignore");

  /** Annotation naming the policy of every container of a pod. */
  public static final String ANNOTATION = "io.containers.sdnotify";

  private final String wireName;

  SdNotifyPolicy(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Returns the policy with the given wire name, or throws listing the valid ones. */
  public static SdNotifyPolicy fromWire(String text) {
    return WireName.lookup(SdNotifyPolicy.class, text, "sdnotify policy");
  }
}
