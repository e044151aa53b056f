package org.kubeplay.kube;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one manifest file describes, validated: its pods and the objects they use, and the
 * warnings found while reading it.
 */
public record Workload(
    Path file,
    List<Pod> pods,
    List<ConfigMap> configMaps,
    List<Secret> secrets,
    List<PersistentVolumeClaim> persistentVolumeClaims,
    List<Diagnostic> warnings) {
  public Workload {
    Objects.requireNonNull(file, "file");
    pods = List.copyOf(pods);
    configMaps = List.copyOf(configMaps);
    secrets = List.copyOf(secrets);
    persistentVolumeClaims = List.copyOf(persistentVolumeClaims);
    warnings = List.copyOf(warnings);
    if (warnings.stream().anyMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a workload carries warnings, not errors");
    }
  }

  public Optional<ConfigMap> configMap(String name) {
    return configMaps.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<Secret> secret(String name) {
    return secrets.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<Pod> pod(String name) {
    return pods.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
