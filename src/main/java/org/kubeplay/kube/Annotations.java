package org.kubeplay.kube;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The annotations of a pod, merged from its object's and its template's metadata (the template's
 * win), and the per-container policies they give.
 */
final class Annotations {
  /** One annotation with where it was written, for diagnostics. */
  record Entry(String key, String value, Node keyNode, Node valueNode, String path) {}

  private final Map<String, Entry> entries;
  private final Diagnostics diagnostics;

  private Annotations(Map<String, Entry> entries, Diagnostics diagnostics) {
    this.entries = entries;
    this.diagnostics = diagnostics;
  }

  /** Reads the annotations of each metadata in order, later ones overriding earlier ones. */
  static Annotations read(List<Fields> metadatas, Diagnostics diagnostics) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Fields metadata : metadatas) {
      Map<String, String> values = metadata.stringMap("annotations");
      Map<String, NodeTuple> nodes = metadata.entries("annotations");
      values.forEach(
          (key, value) ->
              entries.put(
                  key,
                  new Entry(
                      key,
                      value,
                      nodes.get(key).getKeyNode(),
                      nodes.get(key).getValueNode(),
                      metadata.entryPath("annotations", key))));
    }
    return new Annotations(entries, diagnostics);
  }

  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    entries.forEach((key, entry) -> values.put(key, entry.value()));
    return values;
  }

  Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** Returns the pod-wide value of {@code annotation}, parsed, or the fallback. */
  <T> T podValue(String annotation, Function<String, T> parse, T fallback) {
    return get(annotation).flatMap(entry -> parse(entry, parse)).orElse(fallback);
  }

  /**
   * Returns the value of {@code annotation} for each container: its own {@code annotation/NAME} if
   * set, else the pod-wide one, else the fallback. An {@code annotation/NAME} that names no
   * container is an error.
   */
  <T> Map<String, T> perContainer(
      String annotation, Function<String, T> parse, T fallback, Set<String> containers) {
    T podWide = podValue(annotation, parse, fallback);
    Map<String, T> values = new HashMap<>();
    containers.forEach(name -> values.put(name, podWide));
    String prefix = annotation + "/";
    for (Entry entry : entries.values()) {
      if (!entry.key().startsWith(prefix)) {
        continue;
      }
      String container = entry.key().substring(prefix.length());
      if (!containers.contains(container)) {
        diagnostics.error(
            entry.keyNode(),
            entry.path(),
            "names container '"
                + container
                + "', which is not in the pod (containers: "
                + String.join(", ", new java.util.TreeSet<>(containers))
                + ")");
        continue;
      }
      parse(entry, parse).ifPresent(value -> values.put(container, value));
    }
    return values;
  }

  private <T> Optional<T> parse(Entry entry, Function<String, T> parse) {
    try {
      return Optional.of(parse.apply(entry.value()));
    } catch (IllegalArgumentException e) {
      diagnostics.error(entry.valueNode(), entry.path(), e.getMessage());
      return Optional.empty();
    }
  }
}
