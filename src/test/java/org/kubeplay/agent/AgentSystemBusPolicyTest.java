package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
  @TempDir Path dir;

  private SystemBus bus;
  private Path file;

  @BeforeEach
  void startBusAndAgent() throws Exception {
    Sandbox.require();
    // uid 65534 must reach the socket, and kubeplayd must read the workload file.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    bus = SystemBus.start(dir);
    file = TestWorkloads.simple(dir, "policy");
    bus.startAgent();
  }

  @AfterEach
  void stopAll() {
    Command.run("systemctl", "--user", "stop", WorkloadRef.ofFile(file.toString()).unit());
    bus.close();
  }

  @Test
  void rootMayPlay() {
    Command play =
        bus.busctl(List.of(), "call", "Play", "sa{sv}", file.toString(), "1", "wait", "b", "true");

    assertEquals(0, play.exitCode(), play.stderr());
    assertEquals(
        "active", Sandbox.unitProperty(WorkloadRef.ofFile(file.toString()).unit(), "ActiveState"));
  }

  @Test
  void otherUserMayNotPlayWithoutPolkit() {
    Command play = bus.gdbus(SystemBus.asNobody(), "Play", file.toString(), "{}");

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
    Command list = bus.busctl(SystemBus.asNobody(), "call", "ListWorkloads");
    Command introspect =
        Command.run(
            SystemBus.concat(
                SystemBus.asNobody(),
                "busctl",
                "--address=" + bus.address(),
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
            SystemBus.concat(
                SystemBus.asNobody(),
                "gdbus",
                "call",
                "--address",
                bus.address(),
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
}
