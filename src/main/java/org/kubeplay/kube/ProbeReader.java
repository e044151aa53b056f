package org.kubeplay.kube;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a liveness, readiness or startup probe, resolving named ports. */
final class ProbeReader {
  /** Longest probe delay, period or timeout: an hour is already far beyond any real probe. */
  static final int MAX_SECONDS = 3600;

  /** Highest threshold: enough for any real probe, small enough that counts stay ints. */
  static final int MAX_THRESHOLD = 10_000;

  private ProbeReader() {}

  static Optional<Probe> read(Fields container, String field, List<Port> ports) {
    Optional<Fields> probe = container.object(field, Schemas.PROBE);
    if (probe.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = probe.get();
    Optional<ProbeAction> action = action(fields, ports);
    int delay =
        fields.integer("initialDelaySeconds", Probe.DEFAULT_INITIAL_DELAY_SECONDS, 0, MAX_SECONDS);
    int period = fields.integer("periodSeconds", Probe.DEFAULT_PERIOD_SECONDS, 1, MAX_SECONDS);
    int timeout = fields.integer("timeoutSeconds", Probe.DEFAULT_TIMEOUT_SECONDS, 1, MAX_SECONDS);
    int success =
        fields.integer("successThreshold", Probe.DEFAULT_SUCCESS_THRESHOLD, 1, MAX_THRESHOLD);
    int failure =
        fields.integer("failureThreshold", Probe.DEFAULT_FAILURE_THRESHOLD, 1, MAX_THRESHOLD);
    return action.map(a -> new Probe(a, delay, period, timeout, success, failure));
  }

  private static Optional<ProbeAction> action(Fields fields, List<Port> ports) {
    if (EnvReader.count(fields, "exec", "httpGet", "tcpSocket") != 1) {
      fields
          .diagnostics()
          .error(fields.node(), fields.path(), "needs exactly one of exec, httpGet or tcpSocket");
      return Optional.empty();
    }
    if (fields.has("exec")) {
      return fields.object("exec", Schemas.EXEC).flatMap(ProbeReader::exec);
    }
    if (fields.has("httpGet")) {
      return fields.object("httpGet", Schemas.HTTP_GET).flatMap(f -> httpGet(f, ports));
    }
    return fields
        .object("tcpSocket", Schemas.TCP_SOCKET)
        .flatMap(
            f -> port(f, ports).map(port -> new ProbeAction.TcpSocket(port, f.string("host"))));
  }

  private static Optional<ProbeAction> exec(Fields fields) {
    List<String> command = fields.strings("command");
    boolean written =
        fields
            .value("command")
            .filter(node -> !(node instanceof SequenceNode seq) || !seq.getValue().isEmpty())
            .isPresent();
    if (command.isEmpty()) {
      if (!written) {
        // Items that are not strings were already reported.
        fields.error("command", "an exec probe needs a command");
      }
      return Optional.empty();
    }
    return Optional.of(new ProbeAction.Exec(command));
  }

  private static Optional<ProbeAction> httpGet(Fields fields, List<Port> ports) {
    List<ProbeAction.HttpHeader> headers =
        fields.list(
            "httpHeaders",
            (node, path) -> {
              Fields header = Fields.read(node, path, Schemas.HTTP_HEADER, fields.diagnostics());
              return header
                  .required("name")
                  .map(n -> new ProbeAction.HttpHeader(n, header.string("value", "")));
            });
    HttpScheme scheme = fields.parsed("scheme", HttpScheme::fromWire).orElse(HttpScheme.HTTP);
    return port(fields, ports)
        .map(
            port ->
                new ProbeAction.HttpGet(
                    fields.string("path", "/"), port, fields.string("host"), scheme, headers));
  }

  /** Reads an int-or-string port: a number, or the name of one of the container's ports. */
  private static Optional<Integer> port(Fields fields, List<Port> ports) {
    Optional<Node> value = fields.value("port");
    if (value.isEmpty()) {
      fields.diagnostics().error(fields.node(), fields.path("port"), "required field is missing");
      return Optional.empty();
    }
    Optional<String> text =
        Scalars.anyScalar(
            value.get(), "a port number or name", fields.path("port"), fields.diagnostics());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (Scalars.parseLong(text.get()).isPresent()) {
      return fields.integer("port", 1, PortReader.MAX_PORT).map(Long::intValue);
    }
    Optional<Integer> named =
        ports.stream().filter(p -> p.name().equals(text)).map(Port::containerPort).findFirst();
    if (named.isEmpty()) {
      fields.error("port", "no port of the container is named '" + text.get() + "'");
    }
    return named;
  }
}
