package org.kubeplay.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeplay run FILE}: the supervisor that podman-kube@.service starts. */
@Command(
    name = "run",
    description = {
      "Run a workload in the foreground until it ends or is stopped: the ExecStart= of",
      "podman-kube@.service. Sends READY=1 to $NOTIFY_SOCKET once every container is ready."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The Kubernetes YAML file.")
  Path file;

  @Override
  public Integer call() {
    return UnitCommands.run(file, spec.commandLine().getErr());
  }
}
