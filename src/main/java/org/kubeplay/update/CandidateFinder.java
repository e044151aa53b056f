package org.kubeplay.update;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.ContainerInfo;
import org.kubeplay.engine.ContainerState;
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

  /** The label values that ask for updates, {@code image} being the old name of registry. */
  static final List<String> POLICY_LABELS = List.of("registry", "image", "local");

  private final ContainerEngine engine;
  private final SystemdManager systemd;

  CandidateFinder(ContainerEngine engine, SystemdManager systemd) {
    this.engine = engine;
    this.systemd = systemd;
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

  /**
   * The running containers of the units with a policy that asks for updates; what cannot be read is
   * added to {@code errors}.
   */
  List<Candidate> candidates(Set<String> units, List<String> errors) {
    List<ContainerSummary> running = new ArrayList<>();
    try {
      engine.listContainersWithLabel(Labels.AUTOUPDATE).stream()
          .filter(summary -> POLICY_LABELS.contains(summary.labels().get(Labels.AUTOUPDATE)))
          .filter(summary -> isRunningIn(summary, units))
          .forEach(running::add);
    } catch (EngineException e) {
      errors.add("listing containers with an auto-update policy: " + e.getMessage());
    }
    return inspect(running, errors);
  }

  private static boolean isRunningIn(ContainerSummary summary, Set<String> units) {
    return !summary.infra()
        && summary.state() == ContainerState.RUNNING
        && units.contains(summary.labels().get(Labels.PODMAN_SYSTEMD_UNIT));
  }

  /** Inspects the listed containers in one engine call. */
  private List<Candidate> inspect(List<ContainerSummary> running, List<String> errors) {
    try {
      return engine.inspectContainers(running.stream().map(ContainerSummary::id).toList()).stream()
          .filter(ContainerInfo::running)
          .map(CandidateFinder::candidate)
          .toList();
    } catch (EngineException e) {
      for (ContainerSummary summary : running) {
        String unit = summary.labels().get(Labels.PODMAN_SYSTEMD_UNIT);
        errors.add("container '" + summary.name() + "' of unit '" + unit + "': " + e.getMessage());
      }
      return List.of();
    }
  }

  private static Candidate candidate(ContainerInfo container) {
    String unit = container.labels().get(Labels.PODMAN_SYSTEMD_UNIT);
    AutoUpdatePolicy policy = AutoUpdatePolicy.fromWire(container.labels().get(Labels.AUTOUPDATE));
    Optional<Path> authfile =
        Optional.ofNullable(container.labels().get(Labels.AUTOUPDATE_AUTHFILE))
            .filter(file -> !file.isEmpty())
            .map(Path::of);
    return new Candidate(unit, container, policy, authfile);
  }
}
