package org.kubeplay.kube;

/** The object kinds a container can take environment or files from. */
public enum SourceKind implements WireName {
  CONFIG_MAP("ConfigMap"),
  SECRET("Secret");

  private final String wireName;

  SourceKind(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Returns the constant with the given wire name, or throws listing the valid ones. */
  public static SourceKind fromWire(String text) {
    return WireName.lookup(SourceKind.class, text, "source kind");
  }
}
