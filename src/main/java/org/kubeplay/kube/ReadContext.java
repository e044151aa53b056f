package org.kubeplay.kube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What reading one file has collected so far: objects, references still to check, and diagnostics;
 * not thread-safe.
 */
final class ReadContext {
  /** A reference to a ConfigMap or Secret (or one of its keys) to check once all is read. */
  record Reference(
      SourceKind source,
      String name,
      Optional<String> key,
      boolean optional,
      Node at,
      String path) {}

  private final Diagnostics diagnostics;
  private final ShortNameAliases aliases;
  private final Map<String, Pod> pods = new LinkedHashMap<>();
  private final Map<String, ConfigMap> configMaps = new LinkedHashMap<>();
  private final Map<String, Secret> secrets = new LinkedHashMap<>();
  private final Map<String, PersistentVolumeClaim> claims = new LinkedHashMap<>();
  private final List<Reference> references = new ArrayList<>();

  ReadContext(Diagnostics diagnostics, ShortNameAliases aliases) {
    this.diagnostics = diagnostics;
    this.aliases = aliases;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  ShortNameAliases aliases() {
    return aliases;
  }

  /** Reads one object (a document, or an item of a List) by the handler of its kind. */
  void readObject(Node object, String path) {
    if (Scalars.isNull(object) && path.isEmpty()) {
      return; // an empty document, as between two "---"
    }
    if (!(object instanceof MappingNode mapping)) {
      diagnostics.error(
          object, path, "a Kubernetes object must be a mapping, got " + Scalars.describe(object));
      return;
    }
    Optional<String> apiVersion = header(mapping, "apiVersion", path);
    Optional<String> kind = header(mapping, "kind", path);
    if (apiVersion.isPresent() && kind.isPresent()) {
      dispatch(mapping, path, apiVersion.get(), kind.get());
    }
  }

  private void dispatch(MappingNode object, String path, String apiVersion, String kind) {
    Optional<Kind> known = Kind.find(apiVersion, kind);
    if (known.isPresent()) {
      known.get().handler().read(object, path, this);
      return;
    }
    Node at = headerNode(object, "kind").orElse(object);
    List<Kind> sameName = Kind.named(kind);
    if (sameName.isEmpty()) {
      diagnostics.error(
          at,
          Fields.join(path, "kind"),
          "unknown kind '" + kind + "' with apiVersion '" + apiVersion + "'");
    } else {
      diagnostics.error(
          headerNode(object, "apiVersion").orElse(at),
          Fields.join(path, "apiVersion"),
          "kind '"
              + kind
              + "' has apiVersion '"
              + sameName.get(0).apiVersion()
              + "', not '"
              + apiVersion
              + "'");
    }
  }

  private Optional<String> header(MappingNode object, String name, String path) {
    Optional<Node> value = headerNode(object, name);
    if (value.isEmpty()) {
      diagnostics.error(object, Fields.join(path, name), "required field is missing");
      return Optional.empty();
    }
    return Scalars.string(value.get(), Fields.join(path, name), diagnostics);
  }

  static Optional<Node> headerNode(MappingNode object, String name) {
    for (NodeTuple tuple : object.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
        return Optional.of(tuple.getValueNode());
      }
    }
    return Optional.empty();
  }

  void addPod(Pod pod, Node at, String path) {
    if (pods.putIfAbsent(pod.name(), pod) != null) {
      diagnostics.error(at, path, "a second pod named '" + pod.name() + "'");
    }
  }

  void addConfigMap(ConfigMap configMap, Node at, String path) {
    if (configMaps.putIfAbsent(configMap.name(), configMap) != null) {
      diagnostics.error(at, path, "a second ConfigMap named '" + configMap.name() + "'");
    }
  }

  void addSecret(Secret secret, Node at, String path) {
    if (secrets.putIfAbsent(secret.name(), secret) != null) {
      diagnostics.error(at, path, "a second Secret named '" + secret.name() + "'");
    }
  }

  void addClaim(PersistentVolumeClaim claim, Node at, String path) {
    if (claims.putIfAbsent(claim.name(), claim) != null) {
      diagnostics.error(at, path, "a second PersistentVolumeClaim named '" + claim.name() + "'");
    }
  }

  void addReference(Reference reference) {
    references.add(reference);
  }

  /** Checks the references against the objects of the whole file. */
  void checkReferences() {
    references.forEach(this::checkReference);
  }

  private void checkReference(Reference ref) {
    String what = ref.source().wireName() + " '" + ref.name() + "'";
    Optional<Boolean> hasKey = hasKey(ref);
    if (hasKey.isEmpty()) {
      report(ref, what + " is not defined in this file");
    } else if (ref.key().isPresent() && !hasKey.get()) {
      report(ref, what + " has no key '" + ref.key().get() + "'");
    }
  }

  /** Returns empty if the object is missing, else whether it has the key (true if none). */
  private Optional<Boolean> hasKey(Reference ref) {
    if (ref.source() == SourceKind.CONFIG_MAP) {
      return Optional.ofNullable(configMaps.get(ref.name()))
          .map(
              c ->
                  ref.key()
                      .map(k -> c.data().containsKey(k) || c.binaryData().containsKey(k))
                      .orElse(true));
    }
    return Optional.ofNullable(secrets.get(ref.name()))
        .map(s -> ref.key().map(s.data()::containsKey).orElse(true));
  }

  private void report(Reference ref, String message) {
    if (ref.optional()) {
      diagnostics.warning(ref.at(), ref.path(), message + "; it is optional, so skipped");
    } else {
      diagnostics.error(ref.at(), ref.path(), message);
    }
  }

  Workload workload(java.nio.file.Path file) {
    return new Workload(
        file,
        List.copyOf(pods.values()),
        List.copyOf(configMaps.values()),
        List.copyOf(secrets.values()),
        List.copyOf(claims.values()),
        diagnostics.warnings());
  }
}
