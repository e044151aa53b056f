package org.kubeplay.cli;

import java.util.List;
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

  @Override
  public Integer call() {
    return AgentCalls.run(
        spec,
        client.bus(parent),
        (agent, out) -> {
          List<List<Object>> rows = agent.autoUpdate(dryRun);
          if (client.json) {
            AgentCalls.printJson(out, rows);
            return 0;
          }
          Table table = new Table("UNIT", "CONTAINER", "IMAGE", "POLICY", "UPDATED");
          rows.forEach(r -> table.row(r.stream().map(String::valueOf).toArray(String[]::new)));
          table.print(out);
          return 0;
        });
  }
}
