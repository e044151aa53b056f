package org.kubeplay.update;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials from a containers-auth.json(5) file: {@code {"auths": {"host": {"auth":
 * "base64(user:password)"}}}}, keyed by registry host or by host and repository prefix.
 */
public final class Authfile {
  /** Largest authfile read: real ones hold a few entries of a hundred bytes. */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  private static final String LEGACY_SCHEME = "://";

  private final Map<String, Credentials> entries;

  private Authfile(Map<String, Credentials> entries) {
    this.entries = Map.copyOf(entries);
  }

  /** Reads an authfile; an error names the file. */
  public static Authfile read(Path file) throws IOException {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
      }
      return parse(Files.readString(file));
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("reading authfile '" + file + "': " + e.getMessage(), e);
    }
  }

  /**
   * Parses an authfile's text.
   *
   * @throws IllegalArgumentException if it is not JSON of that shape, or an entry's auth is not
   *     base64 of {@code user:password}
   */
  static Authfile parse(String json) {
    Map<String, Object> root;
    try {
      root = JSON.std.mapFrom(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !(root.getOrDefault("auths", Map.of()) instanceof Map<?, ?> auths)) {
      throw new IllegalArgumentException("'auths' is not an object");
    }
    Map<String, Credentials> entries = new LinkedHashMap<>();
    auths.forEach((key, value) -> entries.put(normalize((String) key), credentials(key, value)));
    return new Authfile(entries);
  }

  /**
   * Returns the credentials for an image: the entry of its longest repository prefix, else that of
   * its host.
   */
  public Optional<Credentials> lookup(ImageReference image) {
    String name = image.name();
    while (true) {
      Credentials found = entries.get(name);
      if (found != null) {
        return Optional.of(found);
      }
      int slash = name.lastIndexOf('/');
      if (slash < 0) {
        return Optional.empty();
      }
      name = name.substring(0, slash);
    }
  }

  private static Credentials credentials(Object key, Object value) {
    if (!(value instanceof Map<?, ?> entry) || !(entry.get("auth") instanceof String auth)) {
      throw new IllegalArgumentException("entry '" + key + "' has no 'auth' string");
    }
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("auth of entry '" + key + "' is not base64", e);
    }
    int colon = pair.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("auth of entry '" + key + "' is not 'user:password'");
    }
    return new Credentials(pair.substring(0, colon), pair.substring(colon + 1));
  }

  /** Docker's old keys are URLs such as {@code https://index.docker.io/v1/}: keep the host. */
  private static String normalize(String key) {
    int scheme = key.indexOf(LEGACY_SCHEME);
    if (scheme < 0) {
      return key;
    }
    String host = key.substring(scheme + LEGACY_SCHEME.length()).split("/", 2)[0];
    return host.equals("index.docker.io") ? ImageReference.DOCKER_HUB : host;
  }
}
