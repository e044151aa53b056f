package org.kubeplay.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The workload that owns a pod or container: its YAML file and, under systemd, its unit.
 *
 * <p>Both become labels, so that {@code down} finds everything a workload created even after the
 * supervisor crashed, and podman's own tools see the unit.
 *
 * @param file the workload's YAML file, absolute
 * @param unit the systemd unit running the workload, when there is one
 */
public record Owner(Path file, Optional<String> unit) {
  public Owner {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(unit, "unit");
    if (!file.isAbsolute()) {
      throw new IllegalArgumentException("workload file '" + file + "' is not absolute");
    }
    unit.ifPresent(name -> Names.requireLabelValue("unit", name));
  }

  /** The labels that mark a pod or container as this workload's. */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.KUBEPLAY_FILE, file.toString());
    unit.ifPresent(
        name -> {
          labels.put(Labels.KUBEPLAY_UNIT, name);
          labels.put(Labels.PODMAN_SYSTEMD_UNIT, name);
        });
    return labels;
  }
}
