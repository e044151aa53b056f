package org.kubeplay.cli;

import org.kubeplay.agent.BusKind;
import picocli.CommandLine.Option;

/** Options of the commands that call kubeplayd. */
final class ClientOptions {
  @Option(
      names = "--user",
      description = "Talk to kubeplayd on the session bus (systemd --user), not the system bus.")
  boolean user;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  /** The bus to call, from this command's --user or the one before the command. */
  BusKind bus(Kubeplay parent) {
    return user || (parent != null && parent.user) ? BusKind.SESSION : BusKind.SYSTEM;
  }
}
