package org.kubeplay.kube;

/** When a pod's containers are restarted after they exit (PodSpec restartPolicy). */
public enum RestartPolicy implements WireName {
  ALWAYS("Always"),
  ON_FAILURE("OnFailure"),
  NEVER("Never");

  private final String wireName;

  RestartPolicy(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Returns the constant with the given wire name, or throws listing the valid ones. */
  public static RestartPolicy fromWire(String text) {
    return WireName.lookup(RestartPolicy.class, text, "restartPolicy");
  }
}
