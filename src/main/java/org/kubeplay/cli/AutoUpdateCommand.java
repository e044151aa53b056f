package org.kubeplay.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kubeplay auto-update}: asks kubeplayd to update the workloads' images. */
@Command(
    name = "auto-update",
    description = "Update the images of workloads whose containers ask for it, through kubeplayd.")
final class AutoUpdateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand Kubeplay parent;

  @Mixin ClientOptions client;

  @Option(names = "--dry-run", description = "Only report which images would be updated.")
  boolean dryRun;

  @Option(
      names = "--no-rollback",
      description = "Leave a workload that fails on its new image as it is.")
  boolean noRollback;

  @Option(
      names = "--unit",
      paramLabel = "UNIT",
      description = "Check only this unit (repeatable); all workloads by default.")
  List<String> units = new ArrayList<>();

  /** Words of the UPDATED column that make the run a failure, as in podman. */
  private static final Set<String> FAILURES = Set.of("failed", "rolled back");

  @Override
  public Integer call() {
    return AgentCalls.run(
        spec,
        client.bus(parent),
        (agent, out) -> {
          List<List<Object>> rows = agent.autoUpdate(dryRun, !noRollback, units);
          if (client.json) {
            AgentCalls.printJson(out, rows.stream().map(AutoUpdateCommand::asObject).toList());
          } else {
            Table table = new Table("UNIT", "CONTAINER", "IMAGE", "POLICY", "UPDATED");
            rows.forEach(r -> table.row(r.stream().map(String::valueOf).toArray(String[]::new)));
            table.print(out);
          }
          boolean failed = rows.stream().anyMatch(r -> FAILURES.contains(String.valueOf(r.get(4))));
          return failed ? 1 : 0;
        });
  }

  /** One row with podman auto-update's JSON keys. */
  private static Map<String, Object> asObject(List<Object> row) {
    Map<String, Object> object = new LinkedHashMap<>();
    List<String> keys = List.of("Unit", "Container", "Image", "Policy", "Updated");
    for (int i = 0; i < keys.size(); i++) {
      object.put(keys.get(i), row.get(i));
    }
    return object;
  }
}
