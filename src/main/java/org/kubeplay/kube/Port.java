package org.kubeplay.kube;

import java.util.Objects;
import java.util.Optional;

/**
 * A port of a container; {@code hostPort} 0 means it is not published on the host.
 *
 * @param name the port's name, which probes may use instead of its number
 */
public record Port(
    int containerPort,
    int hostPort,
    Optional<String> hostIP,
    Protocol protocol,
    Optional<String> name) {
  public Port {
    if (containerPort < 1 || containerPort > 65535) {
      throw new IllegalArgumentException("containerPort out of range: " + containerPort);
    }
    if (hostPort < 0 || hostPort > 65535) {
      throw new IllegalArgumentException("hostPort out of range: " + hostPort);
    }
    Objects.requireNonNull(hostIP, "hostIP");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(name, "name");
  }
}
