package org.kubeplay.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kubeplay play FILE}: asks kubeplayd to play a workload. */
@Command(
    name = "play",
    description = "Play a Kubernetes YAML file as podman-kube@<file>.service, through kubeplayd.")
final class PlayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand Kubeplay parent;

  @Mixin ClientOptions client;

  @Option(names = "--wait", description = "Return once the workload is ready, or has failed.")
  boolean waitForJob;

  @Parameters(paramLabel = "FILE", description = "The Kubernetes YAML file.")
  Path file;

  @Override
  public Integer call() {
    return AgentCalls.run(
        spec,
        client.bus(parent),
        (agent, out) -> {
          String object = agent.play(file, waitForJob);
          if (client.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", file.toAbsolutePath().normalize().toString());
            json.put("object", object);
            json.put("ready", waitForJob);
            AgentCalls.printJson(out, json);
          } else {
            out.println(file + ": " + (waitForJob ? "ready" : "starting") + " (" + object + ")");
          }
          return 0;
        });
  }
}
