package org.kubeplay.kube;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads one Container of a PodSpec. */
final class ContainerReader {
  /** A container read, with its fields for checks that need the whole pod. */
  record Read(Container container, Fields fields) {}

  /** Highest uid or gid: 2^32 - 2, since -1 means "unset" to the kernel. */
  static final long MAX_ID = 4_294_967_294L;

  private static final Pattern SIGNAL = Pattern.compile("SIG[A-Z0-9]+([+-][0-9]+)?");

  private ContainerReader() {}

  static Optional<Read> read(Node node, String path, PodReader.Scope scope) {
    Diagnostics diagnostics = scope.context.diagnostics();
    Fields fields = Fields.read(node, path, Schemas.CONTAINER, diagnostics);
    Optional<String> name =
        fields
            .required("name")
            .filter(
                n ->
                    Names.check(
                        n,
                        Names.Rule.LABEL,
                        fields.value("name").get(),
                        fields.path("name"),
                        diagnostics));
    Optional<String> image = fields.required("image");
    List<Port> ports =
        fields.list("ports", (item, itemPath) -> PortReader.read(item, itemPath, scope));
    Container container =
        new Container(
            name.orElse(""),
            image.orElse(""),
            image.flatMap(i -> ImageNames.qualify(i, scope.context.aliases())),
            fields
                .parsed("imagePullPolicy", PullPolicy::fromWire)
                // podman kube play pulls only a missing image unless told otherwise.
                .orElse(PullPolicy.IF_NOT_PRESENT),
            fields.strings("command"),
            fields.strings("args"),
            fields.string("workingDir"),
            fields.list("env", (item, itemPath) -> EnvReader.env(item, itemPath, scope.context)),
            fields.list(
                "envFrom", (item, itemPath) -> EnvReader.envFrom(item, itemPath, scope.context)),
            ports,
            fields.list("volumeMounts", (item, itemPath) -> mount(item, itemPath, scope)),
            fields
                .object("resources", Schemas.RESOURCES)
                .map(ContainerReader::resources)
                .orElse(Resources.NONE),
            fields
                .object("securityContext", Schemas.SECURITY_CONTEXT)
                .map(ContainerReader::securityContext)
                .orElse(SecurityContext.DEFAULT),
            new Probes(
                ProbeReader.read(fields, "livenessProbe", ports),
                ProbeReader.read(fields, "readinessProbe", ports),
                ProbeReader.read(fields, "startupProbe", ports)),
            fields.object("lifecycle", Schemas.LIFECYCLE).flatMap(ContainerReader::stopSignal),
            fields.bool("stdin", false),
            fields.bool("tty", false),
            SdNotifyPolicy.CONMON,
            AutoUpdatePolicy.DISABLED,
            Optional.empty());
    return name.isPresent() && image.isPresent()
        ? Optional.of(new Read(container, fields))
        : Optional.empty();
  }

  private static Optional<VolumeMount> mount(Node node, String path, PodReader.Scope scope) {
    Fields fields = Fields.read(node, path, Schemas.VOLUME_MOUNT, scope.context.diagnostics());
    Optional<String> name = fields.required("name");
    Optional<String> mountPath = fields.required("mountPath");
    if (name.isPresent() && !scope.volumeNames.contains(name.get())) {
      fields.error("name", "no volume named '" + name.get() + "' in " + scope.volumesPath);
      return Optional.empty();
    }
    if (mountPath.isPresent() && !mountPath.get().startsWith("/")) {
      fields.error("mountPath", "must be an absolute path, got '" + mountPath.get() + "'");
      return Optional.empty();
    }
    if (name.isEmpty() || mountPath.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new VolumeMount(
            name.get(), mountPath.get(), fields.bool("readOnly", false), fields.string("subPath")));
  }

  private static Resources resources(Fields fields) {
    Optional<Long> cpuRequest = resource(fields, "requests", "cpu", Quantities::millicores);
    Optional<Long> cpuLimit = resource(fields, "limits", "cpu", Quantities::millicores);
    Optional<Long> memoryRequest = resource(fields, "requests", "memory", Quantities::bytes);
    Optional<Long> memoryLimit = resource(fields, "limits", "memory", Quantities::bytes);
    warnOtherResources(fields, "requests");
    warnOtherResources(fields, "limits");
    checkRequestWithinLimit(fields, "cpu", cpuRequest, cpuLimit);
    checkRequestWithinLimit(fields, "memory", memoryRequest, memoryLimit);
    return new Resources(cpuRequest, cpuLimit, memoryRequest, memoryLimit);
  }

  private static Optional<Long> resource(
      Fields fields, String map, String key, Function<String, Optional<Long>> unit) {
    NodeTuple entry = fields.entries(map).get(key);
    return entry == null
        ? Optional.empty()
        : quantity(entry.getValueNode(), fields.entryPath(map, key), unit, fields.diagnostics());
  }

  private static void warnOtherResources(Fields fields, String map) {
    for (Map.Entry<String, NodeTuple> entry : fields.entries(map).entrySet()) {
      if (!entry.getKey().equals("cpu") && !entry.getKey().equals("memory")) {
        fields
            .diagnostics()
            .warning(
                entry.getValue().getKeyNode(),
                fields.entryPath(map, entry.getKey()),
                "kubeplay cannot honour resource '" + entry.getKey() + "', ignoring it");
      }
    }
  }

  private static void checkRequestWithinLimit(
      Fields fields, String key, Optional<Long> request, Optional<Long> limit) {
    if (request.isPresent() && limit.isPresent() && request.get() > limit.get()) {
      NodeTuple entry = fields.entries("requests").get(key);
      fields
          .diagnostics()
          .error(
              entry.getValueNode(),
              fields.entryPath("requests", key),
              "request is more than the limit");
    }
  }

  /** Reads a quantity scalar (string or number) in the unit {@code unit} converts to. */
  static Optional<Long> quantity(
      Node node, String path, Function<String, Optional<Long>> unit, Diagnostics diagnostics) {
    Optional<String> text = Scalars.anyScalar(node, "a quantity", path, diagnostics);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Long> value = unit.apply(text.get());
    if (value.isEmpty()) {
      diagnostics.error(
          node,
          path,
          "invalid quantity '"
              + text.get()
              + "': expected a non-negative number with an optional suffix, such as 500m, 128Mi"
              + " or 1G");
    }
    return value;
  }

  private static SecurityContext securityContext(Fields fields) {
    Optional<Fields> capabilities = fields.object("capabilities", Schemas.CAPABILITIES);
    return new SecurityContext(
        fields.integer("runAsUser", 0, MAX_ID),
        fields.integer("runAsGroup", 0, MAX_ID),
        fields.bool("privileged", false),
        fields.bool("readOnlyRootFilesystem", false),
        capabilities.map(c -> c.strings("add")).orElse(List.of()),
        capabilities.map(c -> c.strings("drop")).orElse(List.of()));
  }

  private static Optional<String> stopSignal(Fields lifecycle) {
    Optional<String> signal = lifecycle.string("stopSignal");
    if (signal.isPresent() && !SIGNAL.matcher(signal.get()).matches()) {
      lifecycle.error(
          "stopSignal", "must be a signal name such as SIGTERM, got '" + signal.get() + "'");
      return Optional.empty();
    }
    return signal;
  }
}
