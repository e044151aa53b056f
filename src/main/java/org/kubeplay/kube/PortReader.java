package org.kubeplay.kube;

import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one ContainerPort and checks that its host port is free in the pod. */
final class PortReader {
  static final int MAX_PORT = 65535;

  private PortReader() {}

  static Optional<Port> read(Node node, String path, PodReader.Scope scope) {
    Fields fields = Fields.read(node, path, Schemas.PORT, scope.context.diagnostics());
    if (!fields.has("containerPort")) {
      fields.diagnostics().error(node, fields.path("containerPort"), "required field is missing");
    }
    Optional<Long> containerPort = fields.integer("containerPort", 1, MAX_PORT);
    int hostPort = fields.integer("hostPort", 0, 1, MAX_PORT);
    Protocol protocol = fields.parsed("protocol", Protocol::fromWire).orElse(Protocol.TCP);
    if (hostPort != 0 && !claimHostPort(fields, hostPort, protocol, scope)) {
      return Optional.empty();
    }
    return containerPort.map(
        port ->
            new Port(
                port.intValue(),
                hostPort,
                fields.string("hostIP"),
                protocol,
                fields.string("name")));
  }

  private static boolean claimHostPort(
      Fields fields, int hostPort, Protocol protocol, PodReader.Scope scope) {
    String key = hostPort + "/" + protocol.wireName();
    String first = scope.hostPorts.putIfAbsent(key, fields.path("hostPort"));
    if (first != null) {
      fields.error("hostPort", "host port " + key + " is already used by " + first);
      return false;
    }
    return true;
  }
}
