package org.kubeplay.kube;

/** When the engine pulls a container's image (Container imagePullPolicy). */
public enum PullPolicy implements WireName {
  ALWAYS("Always"),
  IF_NOT_PRESENT("IfNotPresent"),
  NEVER("Never");

  private final String wireName;

  PullPolicy(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Returns the constant with the given wire name, or throws listing the valid ones. */
  public static PullPolicy fromWire(String text) {
    return WireName.lookup(PullPolicy.class, text, "imagePullPolicy");
  }
}
