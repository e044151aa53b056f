package org.kubeplay.kube;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The fields of one YAML mapping, checked against a {@link Schema}, with typed accessors that
 * report every mismatch at its node and field path.
 *
 * <p>A field set to null counts as absent, as in the Kubernetes API.
 */
final class Fields {
  /** Reads one item of a sequence; returns empty when the item is invalid (already reported). */
  interface ItemReader<T> {
    Optional<T> read(Node item, String path);
  }

  private final Node node;
  private final String path;
  private final Diagnostics diagnostics;
  private final Map<String, NodeTuple> fields;
  private final Set<String> written;

  private Fields(
      Node node,
      String path,
      Diagnostics diagnostics,
      Map<String, NodeTuple> fields,
      Set<String> written) {
    this.node = node;
    this.path = path;
    this.diagnostics = diagnostics;
    this.fields = fields;
    this.written = written;
  }

  /**
   * Checks {@code node} against {@code schema}: unknown fields are errors with a suggestion,
   * unsupported ones warnings, duplicate keys errors; a node that is not a mapping is an error and
   * yields no fields.
   */
  static Fields read(Node node, String path, Schema schema, Diagnostics diagnostics) {
    Map<String, NodeTuple> fields = new LinkedHashMap<>();
    Set<String> written = new HashSet<>();
    if (!(node instanceof MappingNode mapping)) {
      diagnostics.error(
          node, path, "must be a mapping (" + schema.type() + "), got " + Scalars.describe(node));
      return new Fields(node, path, diagnostics, fields, written);
    }
    for (NodeTuple tuple : mapping.getValue()) {
      readKey(tuple, path, schema, diagnostics, fields);
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        written.add(key.getValue());
      }
    }
    return new Fields(node, path, diagnostics, fields, written);
  }

  private static void readKey(
      NodeTuple tuple,
      String path,
      Schema schema,
      Diagnostics diagnostics,
      Map<String, NodeTuple> fields) {
    Node key = tuple.getKeyNode();
    if (!(key instanceof ScalarNode scalar) || !Tag.STR.equals(key.getTag())) {
      diagnostics.error(key, path, "field names must be strings, got " + Scalars.describe(key));
      return;
    }
    String name = scalar.getValue();
    String fieldPath = join(path, name);
    NodeTuple first = fields.get(name);
    if (first != null) {
      diagnostics.error(
          key,
          fieldPath,
          "duplicate field, first set on line "
              + (first.getKeyNode().getStartMark().getLine() + 1));
    } else if (schema.read().contains(name)) {
      fields.put(name, tuple);
    } else if (schema.unsupported().contains(name)) {
      diagnostics.warning(key, fieldPath, "kubeplay cannot honour '" + name + "', ignoring it");
    } else if (!schema.inert().contains(name)) {
      diagnostics.error(key, fieldPath, unknownField(name, schema));
    }
  }

  private static String unknownField(String name, Schema schema) {
    String message = "unknown field '" + name + "' in " + schema.type();
    return Suggestions.closest(name, schema.allFields())
        .map(known -> message + ", did you mean '" + known + "'?")
        .orElse(message);
  }

  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  String path(String name) {
    return join(path, name);
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Returns true if the field is written at all, even if kubeplay ignores it. */
  boolean written(String name) {
    return written.contains(name);
  }

  boolean has(String name) {
    return value(name).isPresent();
  }

  /** Returns the value node of a field that is set and not null. */
  Optional<Node> value(String name) {
    return Optional.ofNullable(fields.get(name))
        .map(NodeTuple::getValueNode)
        .filter(value -> !Scalars.isNull(value));
  }

  /** Returns the key node of a field, else the mapping itself, to place an error. */
  Node keyOrSelf(String name) {
    NodeTuple tuple = fields.get(name);
    return tuple == null ? node : tuple.getKeyNode();
  }

  Optional<String> string(String name) {
    return value(name).flatMap(v -> Scalars.string(v, path(name), diagnostics));
  }

  String string(String name, String fallback) {
    return string(name).orElse(fallback);
  }

  /** Returns a string field that must be set and not empty. */
  Optional<String> required(String name) {
    Optional<String> text = string(name);
    if (!has(name)) {
      diagnostics.error(node, path(name), "required field is missing");
    } else if (text.isPresent() && text.get().isEmpty()) {
      diagnostics.error(value(name).get(), path(name), "must not be empty");
      return Optional.empty();
    }
    return text;
  }

  /** Returns a string field parsed by {@code parse}, whose IllegalArgumentException is reported. */
  <T> Optional<T> parsed(String name, Function<String, T> parse) {
    Optional<String> text = string(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(text.get()));
    } catch (IllegalArgumentException e) {
      error(name, e.getMessage());
      return Optional.empty();
    }
  }

  boolean bool(String name, boolean fallback) {
    return value(name).flatMap(v -> Scalars.bool(v, path(name), diagnostics)).orElse(fallback);
  }

  Optional<Long> integer(String name, long min, long max) {
    return value(name).flatMap(v -> Scalars.integer(v, min, max, path(name), diagnostics));
  }

  int integer(String name, int fallback, int min, int max) {
    return integer(name, (long) min, max).map(Long::intValue).orElse(fallback);
  }

  Optional<Fields> object(String name, Schema schema) {
    return value(name).map(v -> read(v, path(name), schema, diagnostics));
  }

  /** Reads a sequence field item by item; invalid items are reported and left out. */
  <T> List<T> list(String name, ItemReader<T> reader) {
    Optional<Node> value = value(name);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      diagnostics.error(
          value.get(), path(name), "must be a sequence, got " + Scalars.describe(value.get()));
      return List.of();
    }
    List<T> items = new ArrayList<>();
    List<Node> nodes = sequence.getValue();
    for (int i = 0; i < nodes.size(); i++) {
      reader.read(nodes.get(i), path(name) + "[" + i + "]").ifPresent(items::add);
    }
    return items;
  }

  List<String> strings(String name) {
    return list(name, (item, itemPath) -> Scalars.string(item, itemPath, diagnostics));
  }

  /** Reads a mapping of string to string (labels, annotations, ConfigMap data). */
  Map<String, String> stringMap(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    entries(name)
        .forEach(
            (key, tuple) ->
                Scalars.string(tuple.getValueNode(), entryPath(name, key), diagnostics)
                    .ifPresent(text -> map.put(key, text)));
    return map;
  }

  /** Returns the entries of a free-form mapping field, keyed by their string keys. */
  Map<String, NodeTuple> entries(String name) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    Optional<Node> value = value(name);
    if (value.isEmpty()) {
      return entries;
    }
    if (!(value.get() instanceof MappingNode mapping)) {
      diagnostics.error(
          value.get(), path(name), "must be a mapping, got " + Scalars.describe(value.get()));
      return entries;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      addEntry(name, tuple, entries);
    }
    return entries;
  }

  private void addEntry(String name, NodeTuple tuple, Map<String, NodeTuple> entries) {
    Optional<String> key = Scalars.string(tuple.getKeyNode(), path(name), diagnostics);
    if (key.isEmpty()) {
      return;
    }
    if (entries.containsKey(key.get())) {
      diagnostics.error(tuple.getKeyNode(), entryPath(name, key.get()), "duplicate key");
      return;
    }
    entries.put(key.get(), tuple);
  }

  /** Returns the path of a map entry, such as {@code metadata.annotations['a/b']}. */
  String entryPath(String name, String key) {
    return path(name) + "['" + key + "']";
  }

  void error(String name, String message) {
    diagnostics.error(value(name).map(n -> n).orElse(keyOrSelf(name)), path(name), message);
  }

  void warning(String name, String message) {
    diagnostics.warning(value(name).map(n -> n).orElse(keyOrSelf(name)), path(name), message);
  }
}
