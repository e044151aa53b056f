package org.kubeplay.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kubeplay.agent.WorkloadStatus;
import org.kubeplay.agent.WorkloadStatus.ContainerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kubeplay status WORKLOAD}: one workload's state and containers. */
@Command(name = "status", description = "Show a workload's state and containers.")
final class StatusCommand implements Callable<Integer> {
  /** How many characters of a container id to show, as podman ps does. */
  private static final int SHORT_ID = 12;

  @Spec CommandSpec spec;

  @ParentCommand Kubeplay parent;

  @Mixin ClientOptions client;

  @Parameters(paramLabel = "WORKLOAD", description = "The workload's file, unit or name.")
  String workload;

  @Override
  public Integer call() {
    return AgentCalls.run(
        spec,
        client.bus(parent),
        (agent, out) -> {
          WorkloadStatus status = agent.status(workload);
          if (client.json) {
            AgentCalls.printJson(out, json(status));
          } else {
            print(status, out);
          }
          return 0;
        });
  }

  private static void print(WorkloadStatus status, PrintWriter out) {
    out.println(status.name() + " (" + status.file() + ")");
    out.println("  Unit: " + status.unit());
    out.println("  State: " + status.activeState() + " (" + status.subState() + ")");
    out.println("  Result: " + status.result());
    out.println("  Status: " + status.statusText());
    out.println("  Main PID: " + status.mainPid());
    out.println();
    Table table = new Table("CONTAINER", "ID", "IMAGE", "SDNOTIFY", "AUTOUPDATE");
    for (ContainerStatus c : status.containers()) {
      String id = c.id().length() > SHORT_ID ? c.id().substring(0, SHORT_ID) : c.id();
      table.row(c.name(), id.isEmpty() ? "-" : id, c.image(), c.sdnotify(), c.autoupdate());
    }
    table.print(out);
  }

  private static Map<String, Object> json(WorkloadStatus status) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", status.name());
    json.put("file", status.file());
    json.put("unit", status.unit());
    json.put("activeState", status.activeState());
    json.put("subState", status.subState());
    json.put("result", status.result());
    json.put("statusText", status.statusText());
    json.put("mainPid", status.mainPid());
    json.put("object", status.object());
    json.put(
        "containers",
        status.containers().stream()
            .map(
                c -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("name", c.name());
                  row.put("id", c.id());
                  row.put("image", c.image());
                  row.put("sdnotify", c.sdnotify());
                  row.put("autoupdate", c.autoupdate());
                  return row;
                })
            .toList());
    return json;
  }
}
