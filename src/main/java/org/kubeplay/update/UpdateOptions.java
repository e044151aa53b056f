package org.kubeplay.update;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an auto-update run should do.
 *
 * @param dryRun only check: report {@code pending} where an update exists, change nothing
 * @param rollback tag the previous image back and restart again when an update does not come up
 * @param units the {@code podman-kube@} units to look at; empty means every active one
 * @param authfile registry credentials for containers without their own authfile label; empty falls
 *     back to {@code REGISTRY_AUTH_FILE}
 */
public record UpdateOptions(
    boolean dryRun, boolean rollback, List<String> units, Optional<Path> authfile) {
  /** Most units one run may name: a caller on the bus must not make a run of unbounded work. */
  public static final int MAX_UNITS = 1024;

  /** Longest unit name systemd accepts. */
  static final int MAX_UNIT_NAME_LENGTH = 255;

  public UpdateOptions {
    units = List.copyOf(units);
    Objects.requireNonNull(authfile, "authfile");
    if (units.size() > MAX_UNITS) {
      throw new IllegalArgumentException(
          "auto-update options: " + units.size() + " units, at most " + MAX_UNITS);
    }
    units.forEach(UpdateOptions::requireServiceName);
  }

  /** Update every active workload, rolling back what does not come up. */
  public static UpdateOptions all() {
    return new UpdateOptions(false, true, List.of(), Optional.empty());
  }

  /** The same options, as a dry run. */
  public UpdateOptions asDryRun() {
    return new UpdateOptions(true, rollback, units, authfile);
  }

  /** The same options, for these units only. */
  public UpdateOptions forUnits(List<String> names) {
    return new UpdateOptions(dryRun, rollback, names, authfile);
  }

  private static void requireServiceName(String unit) {
    if (unit.isEmpty()
        || unit.length() > MAX_UNIT_NAME_LENGTH
        || !unit.endsWith(".service")
        || unit.contains("/")
        || unit.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new IllegalArgumentException(
          "auto-update options: unit '" + unit + "' is not a service unit name");
    }
  }
}
