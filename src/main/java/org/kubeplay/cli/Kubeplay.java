package org.kubeplay.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The kubeplay command line: validates, runs and manages Kubernetes YAML workloads. */
@Command(
    name = "kubeplay",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Plays Kubernetes YAML workloads under systemd.",
    subcommands = {
      ValidateCommand.class,
      PlayCommand.class,
      StopCommand.class,
      ListCommand.class,
      StatusCommand.class,
      AutoUpdateCommand.class,
      CompletionCommand.class,
      RunCommand.class,
      DownCommand.class
    })
public final class Kubeplay {
  /** Exit code when a command failed. */
  public static final int EXIT_FAILED = 1;

  /** Exit code for a usage error, as picocli and most Unix tools use it. */
  public static final int EXIT_USAGE = 2;

  /** Exit code when no workload matches, as systemctl's 4 for "no such unit". */
  public static final int EXIT_NO_SUCH_WORKLOAD = 4;

  @Option(
      names = "--user",
      description = "Talk to kubeplayd on the session bus (systemd --user), not the system bus.")
  boolean user;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Optional<Integer> unitCommand = UnitCommands.tryRun(args, err);
    System.exit(unitCommand.isPresent() ? unitCommand.get() : run(args, out, err));
  }

  /** Runs one command line with the given streams and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Kubeplay());
    line.setOut(out);
    line.setErr(err);
    return line.execute(args);
  }
}
