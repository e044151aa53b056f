package org.kubeplay.kube;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The handlers of {@link Kind}: one method per kind of object. */
final class ObjectReaders {
  /** The restart policies a pod template of each kind may have, and its default. */
  record RestartRule(RestartPolicy fallback, Set<RestartPolicy> allowed) {}

  private static final RestartRule ANY_RESTART =
      new RestartRule(RestartPolicy.ALWAYS, Set.of(RestartPolicy.values()));
  private static final RestartRule ALWAYS_RESTART =
      new RestartRule(RestartPolicy.ALWAYS, Set.of(RestartPolicy.ALWAYS));
  // Kubernetes requires a Job to say Never or OnFailure; kubeplay defaults to Never.
  private static final RestartRule JOB_RESTART =
      new RestartRule(RestartPolicy.NEVER, Set.of(RestartPolicy.NEVER, RestartPolicy.ON_FAILURE));

  private ObjectReaders() {}

  static void pod(Node node, String path, ReadContext context) {
    Fields object = Fields.read(node, path, Schemas.POD, context.diagnostics());
    Optional<Fields> metadata = object.object("metadata", Schemas.OBJECT_META);
    Optional<String> name = objectName(object, metadata);
    Optional<Fields> spec = requiredObject(object, "spec", Schemas.POD_SPEC);
    if (name.isPresent() && spec.isPresent()) {
      PodReader.read(
              name.get(), Kind.POD, metadata.stream().toList(), spec.get(), ANY_RESTART, context)
          .ifPresent(pod -> context.addPod(pod, nameNode(object, metadata), path));
    }
  }

  static void deployment(Node node, String path, ReadContext context) {
    Fields object = Fields.read(node, path, Schemas.DEPLOYMENT, context.diagnostics());
    Optional<Fields> spec = requiredObject(object, "spec", Schemas.DEPLOYMENT_SPEC);
    spec.flatMap(s -> s.integer("replicas", 0, Integer.MAX_VALUE))
        .filter(replicas -> replicas != 1)
        .ifPresent(
            replicas ->
                spec.get().warning("replicas", "kubeplay runs exactly one pod, not " + replicas));
    template(Kind.DEPLOYMENT, object, spec, ALWAYS_RESTART, context);
  }

  static void daemonSet(Node node, String path, ReadContext context) {
    Fields object = Fields.read(node, path, Schemas.DAEMON_SET, context.diagnostics());
    Optional<Fields> spec = requiredObject(object, "spec", Schemas.DAEMON_SET_SPEC);
    template(Kind.DAEMON_SET, object, spec, ALWAYS_RESTART, context);
  }

  static void job(Node node, String path, ReadContext context) {
    Fields object = Fields.read(node, path, Schemas.JOB, context.diagnostics());
    Optional<Fields> spec = requiredObject(object, "spec", Schemas.JOB_SPEC);
    template(Kind.JOB, object, spec, JOB_RESTART, context);
  }

  /** Reads the pod template of a Deployment, DaemonSet or Job; podman names it "NAME-pod". */
  private static void template(
      Kind kind, Fields object, Optional<Fields> spec, RestartRule rule, ReadContext context) {
    Optional<Fields> metadata = object.object("metadata", Schemas.OBJECT_META);
    Optional<String> name = objectName(object, metadata);
    Optional<Fields> template =
        spec.flatMap(s -> requiredObject(s, "template", Schemas.POD_TEMPLATE));
    Optional<Fields> templateMetadata =
        template.flatMap(t -> t.object("metadata", Schemas.OBJECT_META));
    Optional<Fields> podSpec = template.flatMap(t -> requiredObject(t, "spec", Schemas.POD_SPEC));
    if (name.isEmpty() || podSpec.isEmpty()) {
      return;
    }
    List<Fields> metadatas =
        java.util.stream.Stream.concat(metadata.stream(), templateMetadata.stream()).toList();
    PodReader.read(name.get() + "-pod", kind, metadatas, podSpec.get(), rule, context)
        .ifPresent(pod -> context.addPod(pod, nameNode(object, metadata), object.path()));
  }

  static void configMap(Node node, String path, ReadContext context) {
    Fields object = Fields.read(node, path, Schemas.CONFIG_MAP, context.diagnostics());
    Optional<Fields> metadata = object.object("metadata", Schemas.OBJECT_META);
    Optional<String> name = objectName(object, metadata);
    Map<String, String> data = object.stringMap("data");
    Map<String, String> binary = base64Map(object, "binaryData");
    name.ifPresent(
        n ->
            context.addConfigMap(new ConfigMap(n, data, binary), nameNode(object, metadata), path));
  }

  static void secret(Node node, String path, ReadContext context) {
    Fields object = Fields.read(node, path, Schemas.SECRET, context.diagnostics());
    Optional<Fields> metadata = object.object("metadata", Schemas.OBJECT_META);
    Optional<String> name = objectName(object, metadata);
    Map<String, String> data = base64Map(object, "data");
    Base64.Encoder encoder = Base64.getEncoder();
    object
        .stringMap("stringData")
        .forEach(
            (key, text) ->
                data.put(key, encoder.encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    String type = object.string("type", "Opaque");
    name.ifPresent(
        n -> context.addSecret(new Secret(n, type, data), nameNode(object, metadata), path));
  }

  static void claim(Node node, String path, ReadContext context) {
    Fields object = Fields.read(node, path, Schemas.PVC, context.diagnostics());
    Optional<Fields> metadata = object.object("metadata", Schemas.OBJECT_META);
    Optional<String> name = objectName(object, metadata);
    Optional<Fields> spec = object.object("spec", Schemas.PVC_SPEC);
    List<String> accessModes = spec.map(s -> s.strings("accessModes")).orElse(List.of());
    Optional<Long> storage =
        spec.flatMap(s -> s.object("resources", Schemas.PVC_RESOURCES))
            .flatMap(r -> quantityEntry(r, "requests", "storage"));
    name.ifPresent(
        n ->
            context.addClaim(
                new PersistentVolumeClaim(n, accessModes, storage),
                nameNode(object, metadata),
                path));
  }

  static void list(Node node, String path, ReadContext context) {
    Fields object = Fields.read(node, path, Schemas.LIST, context.diagnostics());
    object.list(
        "items",
        (item, itemPath) -> {
          context.readObject(item, itemPath);
          return Optional.empty();
        });
  }

  /** The handler of kinds kubeplay recognises but cannot run: a warning naming the kind. */
  static void notRunnable(Node node, String path, ReadContext context) {
    Node kind = ReadContext.headerNode((MappingNode) node, "kind").orElse(node);
    context
        .diagnostics()
        .warning(
            kind,
            Fields.join(path, "kind"),
            "kubeplay cannot run a " + ((ScalarNode) kind).getValue() + ", ignoring it");
  }

  private static Optional<String> objectName(Fields object, Optional<Fields> metadata) {
    if (metadata.isEmpty()) {
      object
          .diagnostics()
          .error(object.node(), object.path("metadata.name"), "required field is missing");
      return Optional.empty();
    }
    Fields meta = metadata.get();
    return meta.required("name")
        .filter(
            name ->
                Names.check(
                    name,
                    Names.Rule.SUBDOMAIN,
                    meta.value("name").get(),
                    meta.path("name"),
                    meta.diagnostics()));
  }

  private static Node nameNode(Fields object, Optional<Fields> metadata) {
    return metadata.flatMap(m -> m.value("name")).orElse(object.node());
  }

  static Optional<Fields> requiredObject(Fields parent, String name, Schema schema) {
    if (!parent.has(name)) {
      parent.diagnostics().error(parent.node(), parent.path(name), "required field is missing");
    }
    return parent.object(name, schema);
  }

  /** Reads a map of base64 values, checking each decodes. */
  private static Map<String, String> base64Map(Fields object, String name) {
    Map<String, String> valid = new LinkedHashMap<>();
    object
        .stringMap(name)
        .forEach(
            (key, text) -> {
              String compact = text.replaceAll("\\s", "");
              try {
                Base64.getDecoder().decode(compact);
                valid.put(key, compact);
              } catch (IllegalArgumentException e) {
                object
                    .diagnostics()
                    .error(
                        object.entries(name).get(key).getValueNode(),
                        object.entryPath(name, key),
                        "not valid base64: " + e.getMessage());
              }
            });
    return valid;
  }

  /** Reads one quantity entry of a resource map, in bytes. */
  static Optional<Long> quantityEntry(Fields parent, String map, String key) {
    NodeTuple entry = parent.entries(map).get(key);
    if (entry == null) {
      return Optional.empty();
    }
    return ContainerReader.quantity(
        entry.getValueNode(), parent.entryPath(map, key), Quantities::bytes, parent.diagnostics());
  }
}
