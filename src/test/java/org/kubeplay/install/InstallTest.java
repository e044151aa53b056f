package org.kubeplay.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubeplay.testing.Command;

/**
 * scripts/install and scripts/uninstall into a staging tree: every file where the program that
 * reads it looks, paths written for the prefix, and nothing left after an uninstall. Runs after the
 * package is built, with the host tests.
 */
@Tag("host")
class InstallTest {
  @TempDir Path destdir;

  @ParameterizedTest(name = "prefix {0}")
  @CsvSource({
    "/usr/local, usr/local/lib/systemd/system, etc/dbus-1/system.d, usr/share/polkit-1/actions",
    "/usr, etc/systemd/system, usr/share/dbus-1/system.d, usr/share/polkit-1/actions",
    "/opt/kp, opt/kp/lib/systemd/system, opt/kp/share/dbus-1/system.d,"
        + " opt/kp/share/polkit-1/actions",
  })
  void everyFileGoesWhereItsReaderLooks(
      String prefix, String systemUnits, String dbusPolicy, String polkitActions)
      throws IOException {
    install(prefix);

    String p = prefix.substring(1);
    for (String file :
        List.of(
            p + "/bin/kubeplay",
            p + "/bin/kubeplayd",
            p + "/lib/kubeplay/kubeplay.jar",
            p + "/lib/kubeplay/jvm.options",
            p + "/share/dbus-1/system-services/org.kubeplay.Agent1.service",
            p + "/share/dbus-1/services/org.kubeplay.Agent1.service",
            p + "/share/man/man1/kubeplay.1",
            p + "/share/man/man8/kubeplayd.8",
            p + "/share/man/man5/kubeplay-kube.5",
            p + "/share/man/man5/org.kubeplay.Agent1.5",
            p + "/share/bash-completion/completions/kubeplay",
            systemUnits + "/podman-kube@.service",
            systemUnits + "/kubeplayd.service",
            systemUnits + "/kubeplay-auto-update.timer",
            dbusPolicy + "/org.kubeplay.Agent1.conf",
            polkitActions + "/org.kubeplay.Agent1.policy")) {
      assertTrue(Files.isRegularFile(destdir.resolve(file)), file + " is missing");
    }
    assertTrue(Files.isExecutable(destdir.resolve(p + "/bin/kubeplay")));
  }

  @Test
  void pathsInUnitsLaunchersAndActivationFilesAreThePrefixes() throws IOException {
    install("/usr/local");

    String unit = read("usr/local/lib/systemd/system/podman-kube@.service");
    String activation = read("usr/local/share/dbus-1/system-services/org.kubeplay.Agent1.service");
    String launcher = read("usr/local/bin/kubeplayd");

    assertTrue(unit.contains("ExecStart=/usr/local/bin/kubeplay run %I"), unit);
    assertTrue(unit.contains("ExecStopPost=/usr/local/bin/kubeplay down %I"), unit);
    assertTrue(activation.contains("Exec=/usr/local/bin/kubeplayd"), activation);
    assertTrue(launcher.contains("-cp '/usr/local/lib/kubeplay/kubeplay.jar:"), launcher);
    assertTrue(launcher.contains("org.kubeplay.agent.Kubeplayd"), launcher);
    try (Stream<Path> files = Files.walk(destdir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.toString().endsWith(".jar")) {
          assertFalse(Files.readString(file).contains("@bindir@"), file + " has a placeholder");
        }
      }
    }
  }

  @Test
  void completionKnowsTheCommands() throws IOException {
    install("/usr/local");

    String completion = read("usr/local/share/bash-completion/completions/kubeplay");

    for (String command : List.of("validate", "play", "stop", "list", "status", "auto-update")) {
      assertTrue(completion.contains(command), command);
    }
  }

  @Test
  void uninstallRemovesEveryFileItInstalled() throws IOException {
    install("/usr/local");

    Command.run("scripts/uninstall", "--prefix", "/usr/local", "--destdir", destdir.toString())
        .checked();

    try (Stream<Path> files = Files.walk(destdir)) {
      assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
    }
  }

  private void install(String prefix) {
    Command.run("scripts/install", "--prefix", prefix, "--destdir", destdir.toString()).checked();
  }

  private String read(String file) throws IOException {
    return Files.readString(destdir.resolve(file));
  }
}
