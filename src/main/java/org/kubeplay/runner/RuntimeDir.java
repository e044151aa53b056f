package org.kubeplay.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The folder of one workload's run-time files: its containers' notify sockets and the files of its
 * ConfigMap and Secret volumes, its containers' pid files. {@code run} makes it, {@code down}
 * removes it.
 *
 * <p>Named by a hash of the workload's file, so that {@code down} finds it from the file alone, and
 * short, since a socket path has room for only 107 bytes.
 */
record RuntimeDir(Path path) {
  private static final int HASH_CHARS = 12;

  /** The folder for a workload file: under $XDG_RUNTIME_DIR when set, else /run. */
  static RuntimeDir forWorkload(Path file, Map<String, String> environment) {
    String base = environment.getOrDefault("XDG_RUNTIME_DIR", "/run");
    return new RuntimeDir(Path.of(base, "kubeplay", hash(file.toString())));
  }

  /** The socket of the container with this index in the workload. */
  Path notifySocket(int index) {
    return path.resolve("n" + index + ".sock");
  }

  /** Where podman writes the process id of the container with this index, at each start. */
  Path pidFile(int index) {
    return path.resolve("c" + index + ".pid");
  }

  /** Where the files of a ConfigMap or Secret volume of a pod are written. */
  Path volume(String pod, String volume) {
    return path.resolve("volumes").resolve(pod).resolve(volume);
  }

  void create() throws IOException {
    Files.createDirectories(path);
  }

  /** Removes the folder and everything in it; a missing folder is fine. */
  void remove() throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
