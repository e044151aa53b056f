package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBus.NameOwnerChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.agent.bindings.Agent1Manager;
import org.kubeplay.testing.Command;
import org.kubeplay.testing.Sandbox;

/**
 * The shipped system-bus policy, enforced by a real dbus-daemon: a private bus configured as
 * Debian's system bus is, including dbus-policy/org.kubeplay.Agent1.conf, with kubeplayd on it
 * driving the sandbox's systemd --user (--systemd-bus=user). Without polkit, only root may change
 * workloads; anyone may read.
 */
@Tag("integration")
class AgentSystemBusPolicyTest {
  private static final long DEADLINE_SECONDS = 60;
  private static final String NOBODY = "65534";

  @TempDir Path dir;

  private final List<Process> started = new ArrayList<>();
  private String address;
  private Path file;

  @BeforeEach
  void startBusAndAgent() throws Exception {
    Sandbox.require();
    // uid 65534 must reach the socket, and kubeplayd must read the workload file.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path config = dir.resolve("system-bus.conf");
    Files.writeString(config, systemBusConfig(dir.resolve("bus")));
    address = startBus(config);
    file = TestWorkloads.simple(dir, "policy");
    startAgent();
  }

  @AfterEach
  void stopAll() {
    Command.run("systemctl", "--user", "stop", WorkloadRef.ofFile(file.toString()).unit());
    // kubeplayd first: it exits non-zero, as it should, when it loses its bus.
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).destroy();
    }
  }

  @Test
  void rootMayPlay() {
    Command play =
        busctl(List.of(), "call", "Play", "sa{sv}", file.toString(), "1", "wait", "b", "true");

    assertEquals(0, play.exitCode(), play.stderr());
    assertEquals(
        "active", Sandbox.unitProperty(WorkloadRef.ofFile(file.toString()).unit(), "ActiveState"));
  }

  @Test
  void otherUserMayNotPlayWithoutPolkit() {
    Command play = gdbus(asNobody(), "Play", file.toString(), "{}");

    assertEquals(1, play.exitCode(), play.stdout());
    assertTrue(
        play.stderr()
            .contains(
                "org.freedesktop.DBus.Error.AccessDenied: playing '"
                    + file
                    + "': access denied: uid 65534 is not root, and polkit"),
        play.stderr());
    assertEquals(
        "inactive",
        Sandbox.unitProperty(WorkloadRef.ofFile(file.toString()).unit(), "ActiveState"));
  }

  @Test
  void otherUserMayListAndIntrospect() {
    Command list = busctl(asNobody(), "call", "ListWorkloads");
    Command introspect =
        Command.run(
            concat(
                asNobody(),
                "busctl",
                "--address=" + address,
                "introspect",
                Agent1Manager.BUS_NAME,
                Agent1Manager.OBJECT_PATH));

    assertEquals(0, list.exitCode(), list.stderr());
    assertTrue(list.stdout().startsWith("a(sssso) "), list.stdout());
    assertEquals(0, introspect.exitCode(), introspect.stderr());
    assertTrue(introspect.stdout().contains(".ListWorkloads"), introspect.stdout());
  }

  @Test
  void policyKeepsOtherUsersFromSettingProperties() {
    Command set =
        Command.run(
            concat(
                asNobody(),
                "gdbus",
                "call",
                "--address",
                address,
                "--dest",
                Agent1Manager.BUS_NAME,
                "--object-path",
                Agent1Manager.OBJECT_PATH,
                "--method",
                "org.freedesktop.DBus.Properties.Set",
                Agent1Manager.INTERFACE,
                "X",
                "<true>"));

    // The bus itself refuses: the call never reaches kubeplayd.
    assertEquals(1, set.exitCode());
    assertTrue(set.stderr().contains("org.freedesktop.DBus.Error.AccessDenied"), set.stderr());
    assertTrue(set.stderr().contains("Rejected send message"), set.stderr());
  }

  private String systemBusConfig(Path socket) {
    Path policy = Path.of("dbus-policy/org.kubeplay.Agent1.conf").toAbsolutePath();
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
          <include>%s</include>
        </busconfig>
        """
        .formatted(socket, policy);
  }

  private String startBus(Path config) throws Exception {
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
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> readLine(out));
    return line.get(DEADLINE_SECONDS, TimeUnit.SECONDS).strip();
  }

  private void startAgent() throws Exception {
    try (AgentBus root = AgentBus.connect(address)) {
      CompletableFuture<String> owner = new CompletableFuture<>();
      AutoCloseable handler =
          root.connection()
              .addSigHandler(
                  NameOwnerChanged.class,
                  signal -> {
                    if (signal.name.equals(Agent1Manager.BUS_NAME) && !signal.newOwner.isEmpty()) {
                      owner.complete(signal.newOwner);
                    }
                  });
      ProcessBuilder agent =
          new ProcessBuilder("kubeplayd", "--systemd-bus=user")
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT);
      agent.environment().put("DBUS_SYSTEM_BUS_ADDRESS", address);
      started.add(agent.start());
      DBus daemon =
          root.connection()
              .getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
      if (!daemon.NameHasOwner(Agent1Manager.BUS_NAME)) {
        owner.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      }
      handler.close();
    }
  }

  private Command busctl(List<String> prefix, String verb, String member, String... args) {
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

  private Command gdbus(List<String> prefix, String member, String... args) {
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
            Agent1Manager.INTERFACE + "." + member);
    command.addAll(List.of(args));
    return Command.run(command);
  }

  private static List<String> asNobody() {
    return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
