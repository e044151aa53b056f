package org.kubeplay.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.freedesktop.dbus.types.Variant;
import org.kubeplay.agent.AccessPolicy.Access;
import org.kubeplay.agent.bindings.UpdateRow;
import org.kubeplay.update.AutoUpdater;
import org.kubeplay.update.UpdateReport;
import org.kubeplay.update.UpdateRun;

/**
 * AutoUpdate, for the manager and for each workload: one run at a time, since two runs would
 * restart the same units against each other.
 */
final class Updates {
  private static final System.Logger LOG = System.getLogger(Updates.class.getName());

  private final AutoUpdater updater;
  private final Authorizer authorizer;
  private final ReentrantLock running = new ReentrantLock();

  Updates(AutoUpdater updater, Authorizer authorizer) {
    this.updater = updater;
    this.authorizer = authorizer;
  }

  /** Manager.AutoUpdate: the units of the {@code units} option, or every workload. */
  List<UpdateRow> run(Map<String, Variant<?>> options) throws AgentException {
    UpdateOptions read = UpdateOptions.from(options);
    return run(read, read.units());
  }

  /** Workload.AutoUpdate: that workload's unit only. */
  List<UpdateRow> run(WorkloadRef ref, Map<String, Variant<?>> options) throws AgentException {
    return run(UpdateOptions.from(options), List.of(ref.unit()));
  }

  private List<UpdateRow> run(UpdateOptions options, List<String> units) throws AgentException {
    authorizer.require(Access.MANAGE, "auto-updating");
    if (!running.tryLock()) {
      throw new AgentException(AgentError.BUSY, "an auto-update is running already");
    }
    try {
      UpdateRun run = updater.run(updateOptions(options, units));
      UpdateReport.problems(run).forEach(p -> LOG.log(System.Logger.Level.WARNING, "{0}", p));
      if (run.rows().isEmpty() && !run.errors().isEmpty()) {
        throw new AgentException(AgentError.ENGINE_FAILED, String.join("; ", run.errors()));
      }
      return run.rows().stream().map(Updates::toBus).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentException(AgentError.FAILED, "auto-update interrupted", e);
    } catch (IllegalArgumentException e) {
      throw new AgentException(AgentError.INVALID_ARGS, e.getMessage(), e);
    } finally {
      running.unlock();
    }
  }

  private static org.kubeplay.update.UpdateOptions updateOptions(
      UpdateOptions options, List<String> units) {
    return new org.kubeplay.update.UpdateOptions(
        options.dryRun(), options.rollback(), units, Optional.empty());
  }

  private static UpdateRow toBus(org.kubeplay.update.UpdateRow row) {
    return new UpdateRow(
        row.unit(),
        row.container(),
        row.image(),
        row.policy().wireName(),
        row.updated().wireName());
  }
}
