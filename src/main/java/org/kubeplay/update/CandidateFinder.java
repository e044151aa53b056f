package org.kubeplay.update;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.ContainerInfo;
import org.kubeplay.engine.ContainerSummary;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.Labels;
import org.kubeplay.kube.AutoUpdatePolicy;
import org.kubeplay.systemd.SystemdException;
import org.kubeplay.systemd.SystemdManager;
import org.kubeplay.systemd.UnitSummary;

/** Finds the workload units and their running containers that have an auto-update policy. */
final class CandidateFinder {
  /** The units that play workloads, kubeplay's and podman's alike. */
  static final String UNIT_PATTERN = "podman-kube@*.service";

  /** Only a running workload is updated, as podman does: a stopped one starts on what it finds. */
  static final List<String> RUNNING_STATES = List.of("active", "reloading");

  private final ContainerEngine engine;
  private final SystemdManager systemd;

  CandidateFinder(ContainerEngine engine, SystemdManager systemd) {
    this.engine = engine;
    this.systemd = systemd;
  }

  /** What was found in one unit: its candidates, and the containers that could not be read. */
  record Found(List<Candidate> candidates, List<String> errors) {
    Found {
      candidates = List.copyOf(candidates);
      errors = List.copyOf(errors);
    }
  }

  /** The units to look at: those the options name, else every running workload unit. */
  List<String> units(UpdateOptions options) throws UpdateException {
    if (!options.units().isEmpty()) {
      return options.units();
    }
    try {
      return systemd.listUnitsByPatterns(RUNNING_STATES, List.of(UNIT_PATTERN)).stream()
          .map(UnitSummary::name)
          .sorted()
          .toList();
    } catch (SystemdException e) {
      throw new UpdateException("listing workload units: " + e.getMessage(), e);
    }
  }

  /** The running containers of a unit with a policy other than {@code disabled}. */
  Found candidates(String unit) throws EngineException {
    List<Candidate> candidates = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (ContainerSummary summary :
        engine.listContainersByLabel(Labels.PODMAN_SYSTEMD_UNIT, unit)) {
      String label = summary.labels().get(Labels.AUTOUPDATE);
      if (summary.infra() || label == null) {
        continue;
      }
      AutoUpdatePolicy policy;
      try {
        policy = AutoUpdatePolicy.fromWire(label);
      } catch (IllegalArgumentException e) {
        errors.add("container '" + summary.name() + "' of unit '" + unit + "': " + e.getMessage());
        continue;
      }
      if (policy != AutoUpdatePolicy.DISABLED) {
        engine
            .inspectContainer(summary.id())
            .filter(ContainerInfo::running)
            .ifPresent(c -> candidates.add(new Candidate(unit, c, policy, authfile(c))));
      }
    }
    return new Found(candidates, errors);
  }

  private static Optional<Path> authfile(ContainerInfo container) {
    return Optional.ofNullable(container.labels().get(Labels.AUTOUPDATE_AUTHFILE))
        .filter(file -> !file.isEmpty())
        .map(Path::of);
  }
}
