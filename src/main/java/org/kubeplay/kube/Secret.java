package org.kubeplay.kube;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Secret of the file, its values in base64 as Kubernetes keeps them ({@code stringData} is
 * encoded and merged in, winning over {@code data}).
 */
public record Secret(String name, String type, Map<String, String> data) {
  public Secret {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    data = Map.copyOf(data);
  }

  /** Returns the decoded bytes of one key. */
  public Optional<byte[]> bytes(String key) {
    return Optional.ofNullable(data.get(key)).map(Base64.getDecoder()::decode);
  }

  /** Returns one key decoded as UTF-8 text, as an environment variable sees it. */
  public Optional<String> text(String key) {
    return bytes(key).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** Hides the values, so that a log line never shows them. */
  @Override
  public String toString() {
    return "Secret[name=" + name + ", type=" + type + ", keys=" + data.keySet() + "]";
  }
}
