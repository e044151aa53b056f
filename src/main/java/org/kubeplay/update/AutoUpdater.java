package org.kubeplay.update;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.systemd.SystemdManager;

/**
 * Keeps workloads on the newest images their auto-update policies allow: finds the containers,
 * checks their images, and updates each unit with an update, rolling back what does not come up.
 *
 * <p>One bad workload never stops the others: every failure becomes its containers' row, or an
 * error of the run when no row can carry it. Units are updated one after the other, so that a host
 * never restarts all its workloads at once.
 */
public final class AutoUpdater {
  private static final Comparator<UpdateRow> ROW_ORDER =
      Comparator.comparing(UpdateRow::unit).thenComparing(UpdateRow::containerName);

  private final CandidateFinder finder;
  private final UpdateChecker checker;
  private final UnitUpdater updater;

  /** An updater that reads {@code REGISTRY_AUTH_FILE} from the process's environment. */
  public AutoUpdater(ContainerEngine engine, SystemdManager systemd, RegistryClient registry) {
    this(engine, systemd, registry, System.getenv(), Restarter.SETTLE_TIME);
  }

  AutoUpdater(
      ContainerEngine engine,
      SystemdManager systemd,
      RegistryClient registry,
      Map<String, String> environment,
      Duration settleTime) {
    this.finder = new CandidateFinder(engine, systemd);
    this.checker = new UpdateChecker(engine, registry, environment);
    this.updater = new UnitUpdater(engine, new Restarter(systemd, engine, settleTime));
  }

  /**
   * Checks, and unless it is a dry run updates, the workloads the options name.
   *
   * @return a row per container with a policy, and the errors outside the rows
   */
  public UpdateRun run(UpdateOptions options) throws InterruptedException {
    List<String> errors = new ArrayList<>();
    List<Candidate> candidates;
    try {
      candidates = finder.candidates(Set.copyOf(finder.units(options)), errors);
    } catch (UpdateException e) {
      return new UpdateRun(List.of(), List.of(e.getMessage()));
    }
    Map<Candidate, Check> checks = checker.check(candidates, options.authfile());
    List<UpdateRow> rows = new ArrayList<>();
    Map<String, List<UnitUpdater.Update>> updates = new LinkedHashMap<>();
    checks.forEach((candidate, check) -> sort(candidate, check, options, rows, updates));
    for (Map.Entry<String, List<UnitUpdater.Update>> unit : updates.entrySet()) {
      rows.addAll(updater.update(unit.getKey(), unit.getValue(), options.rollback()));
    }
    rows.sort(ROW_ORDER);
    return new UpdateRun(rows, errors);
  }

  /** Turns a check into a row now, or into an update of its unit for later. */
  private void sort(
      Candidate candidate,
      Check check,
      UpdateOptions options,
      List<UpdateRow> rows,
      Map<String, List<UnitUpdater.Update>> updates) {
    if (check instanceof Check.Failed failed) {
      rows.add(candidate.row(UpdateResult.FAILED, Optional.of(failed.reason())));
    } else if (check instanceof Check.Current) {
      rows.add(candidate.row(UpdateResult.UNCHANGED));
    } else if (options.dryRun()) {
      rows.add(candidate.row(UpdateResult.PENDING));
    } else {
      Optional<Path> authfile = checker.authfile(candidate, options.authfile());
      updates
          .computeIfAbsent(candidate.unit(), unit -> new ArrayList<>())
          .add(new UnitUpdater.Update(candidate, authfile));
    }
  }
}
