package org.kubeplay.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kubeplay stop WORKLOAD}: asks kubeplayd to stop a workload. */
@Command(name = "stop", description = "Stop a workload, given by file, unit or name.")
final class StopCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand Kubeplay parent;

  @Mixin ClientOptions client;

  @Option(names = "--wait", description = "Return once the workload has stopped.")
  boolean waitForJob;

  @Parameters(paramLabel = "WORKLOAD", description = "The workload's file, unit or name.")
  String workload;

  @Override
  public Integer call() {
    return AgentCalls.run(
        spec,
        client.bus(parent),
        (agent, out) -> {
          agent.stop(workload, waitForJob);
          String state = waitForJob ? "stopped" : "stopping";
          if (client.json) {
            AgentCalls.printJson(out, Map.of("workload", workload, "state", state));
          } else {
            out.println(workload + ": " + state);
          }
          return 0;
        });
  }
}
