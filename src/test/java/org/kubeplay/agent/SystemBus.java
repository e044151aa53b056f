package org.kubeplay.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.interfaces.DBus;
import org.kubeplay.agent.bindings.Agent1Manager;
import org.kubeplay.testing.Command;

/**
 * A private dbus-daemon configured as Debian's system bus is, with the given policy files, and the
 * daemons a test starts on it (kubeplayd driving the sandbox's systemd --user, polkitd). Closing it
 * stops them all, the bus last.
 */
final class SystemBus implements AutoCloseable {
  private static final long DEADLINE_SECONDS = 60;
  private static final String NOBODY = "65534";

  private final List<Process> started = new ArrayList<>();
  private final String address;

  private SystemBus(Path config) throws Exception {
    Process daemon =
        new ProcessBuilder(
                "dbus-daemon",
                "--config-file=" + config,
                "--nofork",
                "--nopidfile",
                "--print-address")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    started.add(daemon);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
    address =
        CompletableFuture.supplyAsync(() -> readLine(out))
            .get(DEADLINE_SECONDS, TimeUnit.SECONDS)
            .strip();
  }

  /** Starts a bus listening in {@code dir}, with kubeplay's shipped policy and {@code more}. */
  static SystemBus start(Path dir, Path... more) throws Exception {
    List<Path> includes = new ArrayList<>();
    includes.add(Path.of("dbus-policy/org.kubeplay.Agent1.conf").toAbsolutePath());
    includes.addAll(List.of(more));
    Path config = dir.resolve("system-bus.conf");
    Files.writeString(config, config(dir.resolve("bus"), includes));
    return new SystemBus(config);
  }

  String address() {
    return address;
  }

  /** Starts kubeplayd on this bus and returns once it owns its name. */
  void startAgent() throws Exception {
    startDaemon(new ProcessBuilder("kubeplayd", "--systemd-bus=user"), Agent1Manager.BUS_NAME);
  }

  /** Starts a daemon on this bus and returns once it owns {@code busName}. */
  void startDaemon(ProcessBuilder daemon, String busName) throws Exception {
    try (AgentBus root = AgentBus.connect(address);
        OwnerWatch owner = OwnerWatch.on(root.connection(), busName)) {
      daemon
          .redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .environment()
          .put("DBUS_SYSTEM_BUS_ADDRESS", address);
      started.add(daemon.start());
      DBus bus =
          root.connection()
              .getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
      if (!bus.NameHasOwner(busName)) {
        owner.await(Duration.ofSeconds(DEADLINE_SECONDS));
      }
    }
  }

  /** busctl on this bus against kubeplay's manager, run after {@code prefix} (such as setpriv). */
  Command busctl(List<String> prefix, String verb, String member, String... args) {
    List<String> command =
        concat(
            prefix,
            "busctl",
            "--address=" + address,
            verb,
            Agent1Manager.BUS_NAME,
            Agent1Manager.OBJECT_PATH,
            Agent1Manager.INTERFACE,
            member);
    command.addAll(List.of(args));
    return Command.run(command);
  }

  /** gdbus on this bus calling a manager method, run after {@code prefix}. */
  Command gdbus(List<String> prefix, String member, String... args) {
    List<String> command =
        concat(
            prefix,
            "gdbus",
            "call",
            "--address",
            address,
            "--dest",
            Agent1Manager.BUS_NAME,
            "--object-path",
            Agent1Manager.OBJECT_PATH,
            "--method",
            member.contains(".") ? member : Agent1Manager.INTERFACE + "." + member);
    command.addAll(List.of(args));
    return Command.run(command);
  }

  /** The prefix that runs a command as uid and gid 65534. */
  static List<String> asNobody() {
    return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
  }

  /** Stops the daemons, kubeplayd before its bus: it exits non-zero, as it should, without it. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).destroy();
    }
  }

  static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  private static String config(Path socket, List<Path> includes) {
    StringBuilder included = new StringBuilder();
    includes.forEach(file -> included.append("  <include>").append(file).append("</include>\n"));
    return """
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>system</type>
          <listen>unix:path=%s</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow user="*"/>
            <deny own="*"/>
            <deny send_type="method_call"/>
            <allow send_type="signal"/>
            <allow send_requested_reply="true" send_type="method_return"/>
            <allow send_requested_reply="true" send_type="error"/>
            <allow receive_type="method_call"/>
            <allow receive_type="method_return"/>
            <allow receive_type="error"/>
            <allow receive_type="signal"/>
            <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
            <allow send_destination="org.freedesktop.DBus"
                   send_interface="org.freedesktop.DBus.Introspectable"/>
          </policy>
        %s</busconfig>
        """
        .formatted(socket, included);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
