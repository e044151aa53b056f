package org.kubeplay.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeplay down FILE}: removes what a run of FILE created; the unit's ExecStopPost=. */
@Command(
    name = "down",
    description = "Remove every pod, container and run-time file a run of FILE created.")
final class DownCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The Kubernetes YAML file.")
  Path file;

  @Override
  public Integer call() {
    return UnitCommands.down(file, spec.commandLine().getErr());
  }
}
