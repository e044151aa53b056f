package org.kubeplay.kube;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the bytes of a manifest into YAML node trees, refusing hostile input before it can cost
 * time or memory.
 *
 * <p>A first pass over the parser's events checks the limits and tags with exact positions; only
 * then are the documents composed into nodes. No Java object is ever constructed from the YAML, so
 * no tag can instantiate a class.
 */
final class YamlLoader {
  /** Largest manifest read: real workloads are a few KiB; this bounds memory per file. */
  static final int MAX_FILE_BYTES = 1024 * 1024;

  /** Code points the scanner may read; the byte limit already bounds it, this is the backstop. */
  static final int MAX_CODE_POINTS = MAX_FILE_BYTES;

  /** Aliases to mappings or sequences: each can multiply the tree ("billion laughs"). */
  static final int MAX_COLLECTION_ALIASES = 50;

  /** Nesting of mappings and sequences: a Pod needs about 10, deeper input is an attack. */
  static final int MAX_NESTING_DEPTH = 64;

  /** Documents per file: bounds the work of one validate or play. */
  static final int MAX_DOCUMENTS = 100;

  /** The only tags a manifest may use: the YAML core schema, nothing that names a type. */
  private static final Set<String> ALLOWED_TAGS =
      Set.of(
          Tag.STR.getValue(),
          Tag.INT.getValue(),
          Tag.FLOAT.getValue(),
          Tag.BOOL.getValue(),
          Tag.NULL.getValue(),
          Tag.MAP.getValue(),
          Tag.SEQ.getValue(),
          Tag.BINARY.getValue(),
          Tag.TIMESTAMP.getValue(),
          "!");

  private YamlLoader() {}

  /**
   * Returns the documents of {@code bytes}, or an empty list after recording why they were refused
   * in {@code diagnostics}.
   */
  static List<Node> load(byte[] bytes, Diagnostics diagnostics) {
    if (bytes.length > MAX_FILE_BYTES) {
      diagnostics.fileError(
          "file has " + bytes.length + " bytes, more than the limit of " + MAX_FILE_BYTES);
      return List.of();
    }
    Optional<String> text = decode(bytes, diagnostics);
    if (text.isEmpty() || !checkCharacters(text.get(), diagnostics)) {
      return List.of();
    }
    if (!checkEvents(text.get(), diagnostics)) {
      return List.of();
    }
    return compose(text.get(), diagnostics);
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static Optional<String> decode(byte[] bytes, Diagnostics diagnostics) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never yields more UTF-16 units than bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      diagnostics.error(
          markAt(new String(bytes, 0, offset, StandardCharsets.UTF_8)),
          "",
          "not UTF-8 text: invalid byte 0x"
              + String.format("%02x", bytes[offset] & 0xff)
              + " at offset "
              + offset);
      return Optional.empty();
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /** Refuses control characters with their position: they mean a binary file, not YAML. */
  private static boolean checkCharacters(String text, Diagnostics diagnostics) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = c >= 0x20 && c != 0x7f || c == '\t' || c == '\n' || c == '\r';
      if (!allowed) {
        diagnostics.error(
            markAt(text.substring(0, i)),
            "",
            String.format("control character U+%04X is not allowed in YAML", (int) c));
        return false;
      }
    }
    return true;
  }

  /** Walks the parser's events once and checks document count, depth, aliases and tags. */
  private static boolean checkEvents(String text, Diagnostics diagnostics) {
    EventLimits limits = new EventLimits();
    try {
      for (Event event : newYaml().parse(new StringReader(text))) {
        Optional<String> problem = limits.check(event);
        if (problem.isPresent()) {
          diagnostics.error(event.getStartMark(), "", problem.get());
          return false;
        }
      }
      return true;
    } catch (MarkedYAMLException e) {
      diagnostics.error(e.getProblemMark(), "", "invalid YAML: " + e.getProblem());
      return false;
    } catch (YAMLException e) {
      diagnostics.fileError("invalid YAML: " + e.getMessage());
      return false;
    }
  }

  private static List<Node> compose(String text, Diagnostics diagnostics) {
    List<Node> documents = new ArrayList<>();
    try {
      for (Node document : newYaml().composeAll(new StringReader(text))) {
        documents.add(document);
      }
      return documents;
    } catch (MarkedYAMLException e) {
      diagnostics.error(e.getProblemMark(), "", "invalid YAML: " + e.getProblem());
      return List.of();
    } catch (YAMLException e) {
      diagnostics.fileError("invalid YAML: " + e.getMessage());
      return List.of();
    }
  }

  /** Returns a mark at the end of {@code before}, for errors found outside the parser. */
  private static Mark markAt(String before) {
    int line = 0;
    int column = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
    }
    return new Mark("", before.length(), line, column, new int[0], 0);
  }

  /** The running counts of one event pass. */
  private static final class EventLimits {
    private final Set<String> collectionAnchors = new HashSet<>();
    private int documents;
    private int depth;
    private int collectionAliases;

    Optional<String> check(Event event) {
      return switch (event.getEventId()) {
        case DocumentStart ->
            ++documents > MAX_DOCUMENTS
                ? Optional.of("more than " + MAX_DOCUMENTS + " YAML documents in one file")
                : Optional.empty();
        case MappingStart, SequenceStart -> enter((CollectionStartEvent) event);
        case MappingEnd, SequenceEnd -> {
          depth--;
          yield Optional.empty();
        }
        case Scalar -> checkTag(((ScalarEvent) event).getTag());
        case Alias -> alias((AliasEvent) event);
        default -> Optional.empty();
      };
    }

    private Optional<String> enter(CollectionStartEvent event) {
      if (++depth > MAX_NESTING_DEPTH) {
        return Optional.of(
            "mappings and sequences nested deeper than " + MAX_NESTING_DEPTH + " levels");
      }
      remember(event);
      return checkTag(event.getTag());
    }

    private void remember(NodeEvent event) {
      if (event.getAnchor() != null) {
        collectionAnchors.add(event.getAnchor());
      }
    }

    private Optional<String> alias(AliasEvent event) {
      if (collectionAnchors.contains(event.getAnchor())
          && ++collectionAliases > MAX_COLLECTION_ALIASES) {
        return Optional.of(
            "more than "
                + MAX_COLLECTION_ALIASES
                + " aliases to mappings or sequences (an alias bomb?)");
      }
      return Optional.empty();
    }

    private static Optional<String> checkTag(String tag) {
      if (tag == null || ALLOWED_TAGS.contains(tag)) {
        return Optional.empty();
      }
      return Optional.of("tag '" + tag + "' is not allowed: only the YAML core tags are");
    }
  }
}
