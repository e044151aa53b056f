package org.kubeplay.kube;

/** How serious a diagnostic is: an error refuses the file, a warning only informs. */
public enum Severity implements WireName {
  ERROR("error"),
  WARNING("warning");

  private final String wireName;

  Severity(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Returns the severity with the given wire name, or throws listing the valid ones. */
  public static Severity fromWire(String text) {
    return WireName.lookup(Severity.class, text, "severity");
  }
}
