package org.kubeplay.kube;

import java.util.Map;
import java.util.Objects;

/** A ConfigMap of the file: text data, and binary data kept in base64 as written. */
public record ConfigMap(String name, Map<String, String> data, Map<String, String> binaryData) {
  public ConfigMap {
    Objects.requireNonNull(name, "name");
    data = Map.copyOf(data);
    binaryData = Map.copyOf(binaryData);
  }
}
