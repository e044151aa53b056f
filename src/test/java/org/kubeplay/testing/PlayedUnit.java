package org.kubeplay.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A workload file played by the sandbox's user manager through {@code podman-kube@.service}, as an
 * admin plays one: {@code systemctl --user start podman-kube@$(systemd-escape FILE).service}.
 */
public final class PlayedUnit {
  /** The label that marks every pod and container played from a file. */
  private static final String FILE_LABEL = "io.kubeplay.file";

  private final Path file;
  private final String name;

  private PlayedUnit(Path file, String name) {
    this.file = file;
    this.name = name;
  }

  /** The unit that plays {@code file}, an absolute path, named by the real systemd-escape. */
  public static PlayedUnit forFile(Path file) {
    // Not --path: the unit runs `kubeplay run %I`, and %I of a --path name has no leading '/'.
    String instance = Command.run("systemd-escape", file.toString()).checked().strip();
    return new PlayedUnit(file, "podman-kube@" + instance + ".service");
  }

  /**
   * Writes the test resource {@code play/FIXTURE.yaml} into {@code dir} and returns its unit. In
   * the fixture, {@code ${image}} becomes the test image, {@code ${dir}} the folder (for hostPath
   * volumes), and each {@code ${key}} of {@code values} its value.
   */
  public static PlayedUnit fromFixture(String fixture, Path dir, Map<String, String> values) {
    return fromFixtureAt(fixture, dir.resolve(fixture + ".yaml"), values);
  }

  /** As {@link #fromFixture(String, Path, Map)}, written to {@code file}, an absolute path. */
  public static PlayedUnit fromFixtureAt(String fixture, Path file, Map<String, String> values) {
    String text = resource("/play/" + fixture + ".yaml");
    text = text.replace("${image}", Sandbox.testImage());
    text = text.replace("${dir}", file.getParent().toString());
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("writing fixture " + file, e);
    }
    return forFile(file);
  }

  /** As {@link #fromFixture(String, Path, Map)} without values of its own. */
  public static PlayedUnit fromFixture(String fixture, Path dir) {
    return fromFixture(fixture, dir, Map.of());
  }

  /** How {@code systemctl --user start} ended, and how long it took to return. */
  public record Start(Command command, Duration took) {
    public boolean succeeded() {
      return command.exitCode() == 0;
    }
  }

  public Path file() {
    return file;
  }

  public String name() {
    return name;
  }

  /** Runs {@code systemctl --user start} and waits for it to return, as a shell would. */
  public Start start() {
    long begin = System.nanoTime();
    Command command = Command.run("systemctl", "--user", "start", name);
    return new Start(command, Duration.ofNanos(System.nanoTime() - begin));
  }

  /** Starts the unit, failing the test with the unit's log when the start fails. */
  public Start startChecked() {
    Start start = start();
    assertTrue(start.succeeded(), () -> "starting " + name + " failed:\n" + diagnosis());
    return start;
  }

  /** Runs {@code systemctl --user stop} and returns how long it took. */
  public Duration stop() {
    long begin = System.nanoTime();
    Sandbox.systemctl("stop", name);
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  /** Stops the unit and forgets that it failed, whatever state it is in; never throws. */
  public void cleanUp() {
    Command.run("systemctl", "--user", "stop", name);
    Command.run("systemctl", "--user", "reset-failed", name);
  }

  public String property(String property) {
    return Sandbox.unitProperty(name, property);
  }

  public String awaitProperty(String property, Predicate<String> condition, Duration deadline) {
    return Sandbox.awaitUnitProperty(name, property, condition, deadline);
  }

  /** The unit's main process, or 0 when it has none. */
  public long mainPid() {
    return Long.parseLong(property("MainPID"));
  }

  /** The command line of the unit's main process, its arguments joined by spaces. */
  public String mainCommandLine() {
    long pid = mainPid();
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the command line of MainPID " + pid, e);
    }
  }

  /** Names of the containers, in any state, that podman still has from this file. */
  public List<String> containersLeft() {
    return lines(
        Sandbox.podman("ps", "--all", "--filter", labelFilter(), "--format", "{{.Names}}"));
  }

  /** Names of the pods that podman still has from this file. */
  public List<String> podsLeft() {
    return lines(Sandbox.podman("pod", "ps", "--filter", labelFilter(), "--format", "{{.Name}}"));
  }

  /** What a failed assertion should show: the unit's state and the last lines its units wrote. */
  public String diagnosis() {
    String state =
        Sandbox.systemctl(
            "show",
            "--property=ActiveState,SubState,Result,ExecMainStatus,StatusText,MainPID",
            name);
    return state + "units.log:\n" + Sandbox.unitLogTail(30);
  }

  private String labelFilter() {
    return "label=" + FILE_LABEL + "=" + file;
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String resource(String path) {
    try (InputStream in = PlayedUnit.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading test resource " + path, e);
    }
  }
}
