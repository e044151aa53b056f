package org.kubeplay.kube;

/** The transport protocol of a container port. */
public enum Protocol implements WireName {
  TCP("TCP"),
  UDP("UDP"),
  SCTP("SCTP");

  private final String wireName;

  Protocol(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Returns the constant with the given wire name, or throws listing the valid ones. */
  public static Protocol fromWire(String text) {
    return WireName.lookup(Protocol.class, text, "protocol");
  }
}
