package org.kubeplay.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A port's transport protocol, with the name podman's {@code --publish} uses. */
public enum Protocol {
  TCP("tcp"),
  UDP("udp"),
  SCTP("sctp");

  private final String wireName;

  Protocol(String wireName) {
    this.wireName = wireName;
  }

  /** The lowercase name podman and Kubernetes (case aside) use. */
  public String wireName() {
    return wireName;
  }

  /** Finds the protocol with this name, ignoring case as Kubernetes writes it upper case. */
  public static Protocol fromWireName(String name) {
    for (Protocol protocol : values()) {
      if (protocol.wireName.equalsIgnoreCase(name)) {
        return protocol;
      }
    }
    String valid =
        Arrays.stream(values()).map(Protocol::wireName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("protocol '" + name + "' is not one of " + valid);
  }
}
