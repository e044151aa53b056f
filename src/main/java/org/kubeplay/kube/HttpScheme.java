package org.kubeplay.kube;

/** The scheme of an httpGet probe. */
public enum HttpScheme implements WireName {
  HTTP("HTTP"),
  HTTPS("HTTPS");

  private final String wireName;

  HttpScheme(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Returns the constant with the given wire name, or throws listing the valid ones. */
  public static HttpScheme fromWire(String text) {
    return WireName.lookup(HttpScheme.class, text, "scheme");
  }
}
