package org.kubeplay.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kubeplay.agent.WorkloadInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kubeplay list}: the workloads kubeplayd knows. */
@Command(name = "list", description = "List the workloads: name, state, unit and file.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand Kubeplay parent;

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    return AgentCalls.run(
        spec,
        client.bus(parent),
        (agent, out) -> {
          List<WorkloadInfo> workloads = agent.list();
          if (client.json) {
            AgentCalls.printJson(out, workloads.stream().map(ListCommand::json).toList());
            return 0;
          }
          Table table = new Table("NAME", "STATE", "UNIT", "FILE");
          workloads.forEach(w -> table.row(w.name(), w.activeState(), w.unit(), w.file()));
          table.print(out);
          return 0;
        });
  }

  private static Map<String, Object> json(WorkloadInfo workload) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", workload.name());
    json.put("file", workload.file());
    json.put("unit", workload.unit());
    json.put("activeState", workload.activeState());
    json.put("object", workload.object());
    return json;
  }
}
