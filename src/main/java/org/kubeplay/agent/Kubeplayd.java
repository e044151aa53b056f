package org.kubeplay.agent;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kubeplayd [--user]}: the D-Bus agent, run by kubeplayd.service. */
@Command(
    name = "kubeplayd",
    mixinStandardHelpOptions = true,
    description = {
      "Serves org.kubeplay.Agent1 on the system bus, or with --user on the session bus, and",
      "plays workloads as podman-kube@.service units of the matching systemd manager."
    })
public final class Kubeplayd implements Callable<Integer> {
  /**
   * dbus-java's logger, kept here since java.util.logging forgets the level of a logger nobody
   * holds. It logs each connection's transport at INFO; only its warnings help an operator.
   */
  private static final Logger DBUS_JAVA_LOG = Logger.getLogger("org.freedesktop.dbus");

  @Spec CommandSpec spec;

  @Option(names = "--user", description = "Serve the session bus and drive systemd --user.")
  boolean user;

  @Option(
      names = "--systemd-bus",
      paramLabel = "system|user",
      description = {
        "Drive this systemd manager instead of the one matching the bus served; tests serve a",
        "private system bus while driving systemd --user."
      })
  String systemdBus;

  public static void main(String[] args) {
    DBUS_JAVA_LOG.setLevel(Level.WARNING);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs kubeplayd with the given arguments and streams; returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Kubeplayd());
    line.setOut(out);
    line.setErr(err);
    return line.execute(args);
  }

  @Override
  public Integer call() {
    BusKind served = user ? BusKind.SESSION : BusKind.SYSTEM;
    return new Agent(served, systemdBus(served)).run();
  }

  private BusKind systemdBus(BusKind served) {
    if (systemdBus == null) {
      return served;
    }
    return switch (systemdBus) {
      case "system" -> BusKind.SYSTEM;
      case "user" -> BusKind.SESSION;
      default ->
          throw new ParameterException(
              spec.commandLine(),
              "--systemd-bus must be 'system' or 'user', not '" + systemdBus + "'");
    };
  }
}
