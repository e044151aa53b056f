package org.kubeplay.kube;

import java.util.Objects;

/**
 * All keys of a ConfigMap or Secret as environment variables, each name prefixed with {@code
 * prefix} ({@code envFrom}).
 */
public record EnvFrom(SourceKind source, String name, String prefix, boolean optional) {
  public EnvFrom {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
  }
}
