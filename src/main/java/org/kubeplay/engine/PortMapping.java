package org.kubeplay.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A container port published on the host, as a pod's {@code hostPort} asks.
 *
 * @param hostIp the host address to bind, or empty for all addresses
 * @param hostPort the port on the host, 1 to 65535
 * @param containerPort the port inside the pod, 1 to 65535
 * @param protocol the transport protocol
 */
public record PortMapping(
    Optional<String> hostIp, int hostPort, int containerPort, Protocol protocol) {
  public PortMapping {
    Objects.requireNonNull(hostIp, "hostIp");
    Objects.requireNonNull(protocol, "protocol");
    requirePort("host port", hostPort);
    requirePort("container port", containerPort);
    hostIp.ifPresent(PortMapping::requireAddress);
  }

  /** The value of podman's {@code --publish}: {@code [ip:]hostPort:containerPort/proto}. */
  String publishValue() {
    String address = hostIp.map(ip -> (ip.contains(":") ? "[" + ip + "]" : ip) + ":").orElse("");
    return address + hostPort + ":" + containerPort + "/" + protocol.wireName();
  }

  private static void requirePort(String what, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " " + port + " is not between 1 and 65535");
    }
  }

  private static void requireAddress(String ip) {
    if (!ip.matches("[0-9A-Fa-f.:]+")) {
      throw new IllegalArgumentException("host ip '" + ip + "' is not an ip address");
    }
  }
}
