package org.kubeplay.kube;

import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads typed scalars from nodes, reporting a type mismatch at the node. */
final class Scalars {
  private Scalars() {}

  static boolean isNull(Node node) {
    return node.getNodeId() == NodeId.scalar && Tag.NULL.equals(node.getTag());
  }

  /** Returns the node's text if it is a string, as the Kubernetes API types it. */
  static Optional<String> string(Node node, String path, Diagnostics diagnostics) {
    return typed(node, Tag.STR, "a string", path, diagnostics);
  }

  static Optional<Boolean> bool(Node node, String path, Diagnostics diagnostics) {
    return typed(node, Tag.BOOL, "true or false", path, diagnostics)
        .map(
            text ->
                text.equalsIgnoreCase("true")
                    || text.equalsIgnoreCase("yes")
                    || text.equalsIgnoreCase("on")
                    || text.equalsIgnoreCase("y"));
  }

  /** Returns the node's integer value, refusing values outside {@code min..max}. */
  static Optional<Long> integer(
      Node node, long min, long max, String path, Diagnostics diagnostics) {
    Optional<String> text = typed(node, Tag.INT, "an integer", path, diagnostics);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Long> value = parseLong(text.get());
    if (value.isEmpty() || value.get() < min || value.get() > max) {
      diagnostics.error(node, path, "must be " + min + "-" + max + ", got " + text.get());
      return Optional.empty();
    }
    return value;
  }

  /** Returns the text of any scalar (string, number, bool), for quantities and int-or-string. */
  static Optional<String> anyScalar(Node node, String what, String path, Diagnostics d) {
    if (node instanceof ScalarNode scalar && !isNull(node)) {
      return Optional.of(scalar.getValue());
    }
    d.error(node, path, "must be " + what + ", got " + describe(node));
    return Optional.empty();
  }

  static String describe(Node node) {
    return switch (node.getNodeId()) {
      case mapping -> "a mapping";
      case sequence -> "a sequence";
      default -> isNull(node) ? "null" : "'" + ((ScalarNode) node).getValue() + "'";
    };
  }

  static Optional<Long> parseLong(String text) {
    try {
      return Optional.of(Long.decode(text.replace("_", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> typed(
      Node node, Tag tag, String what, String path, Diagnostics diagnostics) {
    if (node instanceof ScalarNode scalar && tag.equals(node.getTag())) {
      return Optional.of(scalar.getValue());
    }
    diagnostics.error(node, path, "must be " + what + ", got " + describe(node));
    return Optional.empty();
  }
}
