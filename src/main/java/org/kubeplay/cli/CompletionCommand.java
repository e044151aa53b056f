package org.kubeplay.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kubeplay completion}: prints a bash completion script made from the command definitions
 * themselves, so that it never falls behind them. scripts/install installs it.
 */
@Command(
    name = "completion",
    hidden = true,
    description = "Print the bash completion script for kubeplay.")
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("kubeplay", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
