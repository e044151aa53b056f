package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.testing.Command;
import org.kubeplay.testing.Sandbox;

/**
 * kubeplayd asking a real polkitd on a private system bus whether uid 65534 may manage workloads,
 * with the shipped action file and a rule written by each test.
 */
@Tag("integration")
class AgentPolkitTest {
  private static final String POLKIT_NAME = "org.freedesktop.PolicyKit1";

  @TempDir Path dir;

  private final List<String> mounts = new ArrayList<>();
  private SystemBus bus;
  private Path rules;
  private Path file;

  @BeforeEach
  void prepare() throws Exception {
    Sandbox.require();
    // polkitd runs as its own user and kubeplayd's callers as 65534: both must read here.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path actions = Files.createDirectories(dir.resolve("actions"));
    Files.copy(
        Path.of("dbus-policy/org.kubeplay.Agent1.policy"),
        actions.resolve("org.kubeplay.Agent1.policy"));
    rules = Files.createDirectories(dir.resolve("rules"));
    // polkitd reads fixed folders; mounts in the sandbox's own namespace put the test's there.
    bindMount(actions, "/usr/share/polkit-1/actions");
    bindMount(rules, "/etc/polkit-1/rules.d");
    file = TestWorkloads.simple(dir, "polkit");
  }

  @AfterEach
  void stopAll() {
    Command.run("systemctl", "--user", "stop", WorkloadRef.ofFile(file.toString()).unit());
    if (bus != null) {
      bus.close();
    }
    for (int i = mounts.size() - 1; i >= 0; i--) {
      Command.run("umount", mounts.get(i)).checked();
    }
  }

  @Test
  void aRuleThatGrantsTheActionLetsAnotherUserPlayAndStop() throws Exception {
    startWithRule("polkit.Result.YES");

    Command play = asNobody("Play", "sa{sv}", file.toString(), "1", "wait", "b", "true");
    String afterPlay = activeState();
    Command stop = asNobody("Stop", "sa{sv}", file.toString(), "1", "wait", "b", "true");

    assertEquals(0, play.exitCode(), play.stderr());
    assertEquals("active", afterPlay);
    assertEquals(0, stop.exitCode(), stop.stderr());
    assertEquals("inactive", activeState());
  }

  @Test
  void withoutARuleTheShippedDefaultAsksTheCallerToAuthenticate() throws Exception {
    startWithRule(null);

    // gdbus, unlike busctl, prints a denial's own message.
    Command play = bus.gdbus(SystemBus.asNobody(), "Play", file.toString(), "{}");

    assertEquals(1, play.exitCode());
    assertTrue(
        play.stderr().contains("uid 65534 must authenticate for 'org.kubeplay.Agent1.manage'"),
        play.stderr());
    assertEquals("inactive", activeState());
  }

  @Test
  void aRuleThatRefusesIsAPlainDenial() throws Exception {
    startWithRule("polkit.Result.NO");

    Command play = bus.gdbus(SystemBus.asNobody(), "Play", file.toString(), "{}");

    assertEquals(1, play.exitCode());
    assertTrue(
        play.stderr()
            .contains("polkit does not authorize uid 65534 for 'org.kubeplay.Agent1.manage'"),
        play.stderr());
    assertEquals("inactive", activeState());
  }

  /** Writes a rule answering {@code result} for uid 65534 (none when null), then starts all. */
  private void startWithRule(String result) throws Exception {
    if (result != null) {
      Path rule = rules.resolve("50-kubeplay-test.rules");
      Files.writeString(
          rule,
          """
          polkit.addRule(function(action, subject) {
            if (action.id == "org.kubeplay.Agent1.manage" && subject.user == "nobody") {
              return %s;
            }
          });
          """
              .formatted(result));
      Files.setPosixFilePermissions(rule, PosixFilePermissions.fromString("rw-r--r--"));
    }
    bus =
        SystemBus.start(dir, Path.of("/usr/share/dbus-1/system.d/org.freedesktop.PolicyKit1.conf"));
    // Started as root, polkitd changes to its own user by itself.
    bus.startDaemon(new ProcessBuilder("/usr/lib/polkit-1/polkitd", "--no-debug"), POLKIT_NAME);
    bus.startAgent();
  }

  private Command asNobody(String member, String... args) {
    return bus.busctl(SystemBus.asNobody(), "call", member, args);
  }

  private String activeState() {
    return Sandbox.unitProperty(WorkloadRef.ofFile(file.toString()).unit(), "ActiveState");
  }

  private void bindMount(Path source, String target) {
    Command.run("mount", "--bind", source.toString(), target).checked();
    mounts.add(target);
  }
}
