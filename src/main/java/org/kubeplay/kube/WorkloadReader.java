package org.kubeplay.kube;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a Kubernetes YAML file into a validated {@link Workload}.
 *
 * <p>Either the whole file is valid and {@link #read} returns the workload with its warnings, or it
 * throws a {@link ManifestException} carrying every error and warning of the file, each with file,
 * line, column and field path. Reading is bounded: see the limits of {@code YamlLoader} (size,
 * aliases, depth, documents).
 */
public final class WorkloadReader {
  private final ShortNameAliases aliases;

  /** Creates a reader that qualifies short image names by this machine's registries.conf. */
  public WorkloadReader() {
    this(ShortNameAliases.system());
  }

  /** Creates a reader that qualifies short image names by {@code aliases}. */
  public WorkloadReader(ShortNameAliases aliases) {
    this.aliases = aliases;
  }

  /**
   * Reads and validates one manifest file.
   *
   * @throws ManifestException if the file cannot be read or has any error
   */
  public Workload read(Path file) throws ManifestException {
    String name = file.toString();
    byte[] bytes;
    try {
      requireRegularFile(file);
      try (InputStream in = Files.newInputStream(file)) {
        // One byte more than allowed tells a file at the limit from one above it.
        bytes = in.readNBytes(YamlLoader.MAX_FILE_BYTES + 1);
      }
    } catch (IOException e) {
      Diagnostics diagnostics = new Diagnostics(name);
      diagnostics.fileError(whyUnreadable(e));
      throw new ManifestException(name, diagnostics.all(), e);
    }
    return read(file, bytes);
  }

  /**
   * Refuses what is not a plain file before opening it: opening a named pipe waits for a writer,
   * forever if none comes, and a device may never end.
   */
  private static void requireRegularFile(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new IOException("it is a directory, not a manifest file");
    }
    if (!attributes.isRegularFile()) {
      throw new IOException("it is not a regular file but a pipe, socket or device");
    }
  }

  private static String whyUnreadable(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "cannot read the file: no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "cannot read the file: permission denied";
    }
    return "cannot read the file: " + e.getMessage();
  }

  /** Reads and validates a manifest held in memory; {@code file} names it in diagnostics. */
  public Workload read(Path file, String text) throws ManifestException {
    return read(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads and validates manifest bytes; {@code file} names it in diagnostics. */
  /** Reads and validates manifest bytes; {@code file} names it in diagnostics. */
  public Workload read(Path file, byte[] bytes) throws ManifestException {
    Diagnostics diagnostics = new Diagnostics(file.toString());
    List<Node> documents = YamlLoader.load(bytes, diagnostics);
    ReadContext context = new ReadContext(diagnostics, aliases);
    documents.forEach(document -> context.readObject(document, ""));
    context.checkReferences();
    if (!diagnostics.hasErrors() && documents.stream().allMatch(Scalars::isNull)) {
      diagnostics.fileError("no Kubernetes object in the file");
    }
    if (diagnostics.hasErrors()) {
      throw new ManifestException(file.toString(), diagnostics.all());
    }
    return context.workload(file);
  }
}
