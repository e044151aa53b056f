package org.kubeplay.kube;

import java.util.Objects;

/** Where the value of one environment variable comes from. */
public sealed interface EnvSource {
  /** A value written in the manifest. */
  record Literal(String value) implements EnvSource {
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * One key of a ConfigMap or Secret of the same file ({@code configMapKeyRef}, {@code
   * secretKeyRef}); resolve it with {@link EnvResolver}.
   */
  record KeyRef(SourceKind source, String name, String key, boolean optional) implements EnvSource {
    public KeyRef {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(key, "key");
    }
  }

  /** A field of the pod itself ({@code fieldRef}), such as {@code metadata.name}. */
  record FieldRef(String fieldPath) implements EnvSource {
    public FieldRef {
      Objects.requireNonNull(fieldPath, "fieldPath");
    }
  }
}
