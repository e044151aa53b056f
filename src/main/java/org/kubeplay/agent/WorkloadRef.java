package org.kubeplay.agent;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.kubeplay.agent.bindings.Agent1Workload;
import org.kubeplay.systemd.BusLabels;
import org.kubeplay.systemd.UnitNames;

/**
 * Names one workload three ways: its YAML file, its unit and its short name.
 *
 * <p>The unit is {@code podman-kube@<escaped file>.service}, escaped as {@code systemd-escape FILE}
 * does (not {@code --path}), so that the unit's {@code %I} gives the absolute file back. The name
 * is the file's base name without its extension: {@code /srv/web.yaml} is {@code web}.
 *
 * @param name the short name
 * @param file the absolute, normalized YAML file
 * @param unit the unit's name
 */
public record WorkloadRef(String name, Path file, String unit) {
  /** The template unit that plays a workload. */
  public static final String TEMPLATE = "podman-kube@.service";

  /** The glob that matches every workload unit. */
  public static final String UNIT_PATTERN = "podman-kube@*.service";

  public WorkloadRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(unit, "unit");
  }

  /**
   * Returns the workload of a YAML file.
   *
   * @throws IllegalArgumentException if the path is not absolute and normalized, or too long for a
   *     unit name
   */
  public static WorkloadRef ofFile(String file) {
    if (file.isEmpty() || !file.startsWith("/")) {
      throw new IllegalArgumentException("file '" + file + "' is not an absolute path");
    }
    Path path = Path.of(file);
    if (!path.normalize().equals(path) || file.endsWith("/") || file.contains("//")) {
      throw new IllegalArgumentException("file '" + file + "' is not a normalized path");
    }
    String unit = UnitNames.instanceOf(TEMPLATE, UnitNames.escape(file));
    return new WorkloadRef(nameOf(path), path, unit);
  }

  /** Returns the workload a unit plays, or empty if the unit is not a workload unit. */
  public static Optional<WorkloadRef> ofUnit(String unit) {
    if (!unit.startsWith("podman-kube@") || !unit.endsWith(".service")) {
      return Optional.empty();
    }
    try {
      WorkloadRef ref = ofFile(UnitNames.unescape(UnitNames.instance(unit)));
      return ref.unit().equals(unit) ? Optional.of(ref) : Optional.empty();
    } catch (IllegalArgumentException e) {
      // A unit such as podman-kube@foo.service plays no file of ours.
      return Optional.empty();
    }
  }

  /** Returns the object path: the unit's escaped instance as a bus label under the prefix. */
  public String objectPath() {
    return BusLabels.objectPath(Agent1Workload.PATH_PREFIX, UnitNames.instance(unit));
  }

  private static String nameOf(Path file) {
    String base = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}
