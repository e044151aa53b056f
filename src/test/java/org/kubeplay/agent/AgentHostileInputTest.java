package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.testing.Command;
import org.kubeplay.testing.Sandbox;

/**
 * Hostile calls to kubeplayd: every broken file of the validation corpus, a named pipe, a device, a
 * directory, a missing file, bad paths and bad options. Each gets a clear error naming what was
 * wrong, and kubeplayd keeps no fd, unit or pod from any of them.
 */
@Tag("integration")
class AgentHostileInputTest {
  private static final Path CORPUS = Path.of("src/test/resources/kube/bad");
  private static final Set<String> ERRORS =
      Set.of(AgentError.INVALID_MANIFEST.wireName(), AgentError.INVALID_ARGS.wireName());

  @TempDir Path dir;

  @Test
  void hostileCallsGetClearErrorsAndLeaveNothingBehind() throws Exception {
    Sandbox.require();
    List<Path> files = hostileFiles();
    try (AgentBus bus = AgentBus.session()) {
      // A first round lets kubeplayd open what it opens once (jars, the bus, caches).
      playAll(bus, files);
      long pid = agentPid();
      Map<Integer, String> fdsBefore = openFds(pid);

      for (int round = 0; round < 3; round++) {
        playAll(bus, files);
        badCalls(bus);
      }

      assertEquals(pid, agentPid(), "kubeplayd was restarted");
      assertEquals(Map.of(), newKernelObjects(fdsBefore, openFds(pid)), "fds kubeplayd kept");
    }
    String escapedDir = Command.run("systemd-escape", dir.toString()).checked().strip();
    String units = Sandbox.systemctl("list-units", "--all", "--plain", "podman-kube@*");
    assertFalse(units.contains(escapedDir), units);
    String pods = Sandbox.podman("pod", "ps", "--format", "{{.Labels}}");
    assertFalse(pods.contains(dir.toString()), pods);
  }

  private void playAll(AgentBus bus, List<Path> files) throws Exception {
    for (Path file : files) {
      AgentBus.Reply reply = bus.manager("Play", file.toString(), Map.of());
      assertTrue(ERRORS.contains(reply.errorName()), file + " got " + reply);
      assertTrue(reply.message().contains(file.toString()), reply.message());
    }
  }

  private void badCalls(AgentBus bus) throws Exception {
    String good = TestWorkloads.simple(dir, "never-played").toString();
    expect(bus.manager("Play", "relative.yaml", Map.of()), "is not an absolute path");
    expect(bus.manager("Play", "", Map.of()), "is not an absolute path");
    expect(bus.manager("Play", dir + "/../x.yaml", Map.of()), "is not a normalized path");
    expect(
        bus.manager("Play", dir + "/" + "x".repeat(300) + ".yaml", Map.of()),
        "longer than 255 characters");
    expect(bus.manager("Play", good, Map.of("wait", new Variant<>("yes"))), "wait");
    expect(bus.manager("Play", good, Map.of("bogus", new Variant<>(true))), "bogus");
    expect(bus.manager("Stop", "no-such-workload", Map.of()), "no-such-workload");
    expect(bus.manager("GetWorkload", "../../etc"), "../../etc");
  }

  private static void expect(AgentBus.Reply reply, String text) {
    assertFalse(reply.ok(), "accepted, expected an error with '" + text + "'");
    assertTrue(reply.message().contains(text), reply.errorName() + ": " + reply.message());
  }

  /** The corpus of broken manifests, plus files that are no manifest at all. */
  private List<Path> hostileFiles() throws IOException, InterruptedException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> corpus = Files.list(CORPUS)) {
      for (Path bad : corpus.sorted().toList()) {
        files.add(Files.copy(bad, dir.resolve(bad.getFileName())));
      }
    }
    Path fifo = dir.resolve("pipe.yaml");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    files.add(fifo);
    files.add(Path.of("/dev/zero"));
    files.add(Files.createDirectory(dir.resolve("folder.yaml")));
    files.add(dir.resolve("missing.yaml"));
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "# " + "x".repeat(2 << 20) + "\n");
    files.add(big);
    return files;
  }

  private static long agentPid() {
    return Long.parseLong(Sandbox.unitProperty("kubeplayd.service", "MainPID"));
  }

  private static Map<Integer, String> openFds(long pid) throws IOException {
    Map<Integer, String> fds = new TreeMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path entry : entries.toList()) {
        try {
          fds.put(
              Integer.valueOf(entry.getFileName().toString()),
              Files.readSymbolicLink(entry).toString());
        } catch (IOException closedMeanwhile) {
          // Closed between the listing and the read.
        }
      }
    }
    return fds;
  }

  /** Pipes, sockets and the like open now that were not before; files are the JVM's own. */
  private static Map<Integer, String> newKernelObjects(
      Map<Integer, String> before, Map<Integer, String> after) {
    Map<Integer, String> added = new TreeMap<>(after);
    added.entrySet().removeIf(fd -> fd.getValue().equals(before.get(fd.getKey())));
    added.values().removeIf(target -> target.startsWith("/"));
    return added;
  }
}
