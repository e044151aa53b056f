package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.freedesktop.dbus.interfaces.Introspectable;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.interfaces.Properties.PropertiesChanged;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.agent.bindings.Agent1Manager;
import org.kubeplay.agent.bindings.Agent1Workload;
import org.kubeplay.agent.bindings.WorkloadRow;
import org.kubeplay.cli.Kubeplay;
import org.kubeplay.testing.Command;
import org.kubeplay.testing.Sandbox;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * kubeplayd on the sandbox's session bus, D-Bus activated as kubeplayd.service of the real systemd
 * --user, playing real workloads with podman.
 */
@Tag("integration")
class AgentIntegrationTest {
  private static final long DEADLINE_SECONDS = 120;

  @TempDir Path dir;

  private AgentBus bus;
  private final List<Path> played = new ArrayList<>();

  @BeforeEach
  void connect() throws Exception {
    Sandbox.require();
    bus = AgentBus.session();
  }

  @AfterEach
  void stopPlayed() throws Exception {
    for (Path file : played) {
      Command.run("systemctl", "--user", "stop", WorkloadRef.ofFile(file.toString()).unit());
    }
    bus.close();
  }

  @Test
  void busctlPlaysListsAndStops() throws Exception {
    Path file = play(TestWorkloads.simple(dir, "busctl"));
    WorkloadRef ref = WorkloadRef.ofFile(file.toString());

    String path =
        busctl("call", "Play", "sa{sv}", file.toString(), "1", "wait", "b", "true").strip();
    String list = busctl("call", "ListWorkloads");
    busctl("call", "Stop", "sa{sv}", ref.name(), "1", "wait", "b", "true");

    assertEquals("o \"" + ref.objectPath() + "\"", path);
    // busctl doubles the backslashes of the unit's escapes.
    String unit = ref.unit().replace("\\", "\\\\");
    assertTrue(list.contains("\"" + file + "\" \"" + unit + "\" \"active\""), list);
    assertEquals("inactive", Sandbox.unitProperty(ref.unit(), "ActiveState"));
  }

  @Test
  void cliPlaysListsShowsAndStops() throws Exception {
    Path file = play(TestWorkloads.simple(dir, "cli"));
    WorkloadRef ref = WorkloadRef.ofFile(file.toString());

    Cli play = cli("--user", "play", file.toString(), "--wait");
    Cli list = cli("--user", "list");
    Cli status = cli("status", "--user", "--json", ref.name());
    Cli stop = cli("--user", "stop", file.toString(), "--wait");
    Cli gone = cli("--user", "status", ref.name());

    assertEquals(0, play.exitCode(), play.err());
    assertEquals(file + ": ready (" + ref.objectPath() + ")\n", play.out());
    assertTrue(list.out().startsWith("NAME"), list.out());
    assertTrue(list.out().contains(ref.name() + "  "), list.out());
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("\"activeState\":\"active\""), status.out());
    assertTrue(status.out().contains("\"sdnotify\":\"conmon\""), status.out());
    assertEquals(0, stop.exitCode(), stop.err());
    assertEquals(Kubeplay.EXIT_NO_SUCH_WORKLOAD, gone.exitCode(), gone.out());
    assertEquals("kubeplay status: no workload '" + ref.name() + "' is loaded\n", gone.err());
  }

  @Test
  void managerIntrospectionShowsTheDocumentedInterface() throws Exception {
    Map<String, Set<String>> interfaces = introspect(Agent1Manager.OBJECT_PATH);

    assertEquals(
        Set.of(
            "org.freedesktop.DBus.Introspectable",
            "org.freedesktop.DBus.Peer",
            "org.freedesktop.DBus.Properties",
            Agent1Manager.INTERFACE),
        interfaces.keySet());
    assertEquals(
        new TreeSet<>(
            Set.of(
                "method AutoUpdate(a{sv}) -> a(sssss)",
                "method GetWorkload(s) -> o",
                "method ListWorkloads() -> a(sssso)",
                "method Play(sa{sv}) -> o",
                "method Stop(sa{sv}) -> ",
                "signal WorkloadNew(so)",
                "signal WorkloadRemoved(so)")),
        interfaces.get(Agent1Manager.INTERFACE));
  }

  @Test
  void workloadIntrospectionShowsTheDocumentedInterface() throws Exception {
    Path file = play(TestWorkloads.simple(dir, "introspect"));
    String path =
        (String) AgentClient.plain(bus.manager("Play", file.toString(), waitOption()).value());

    Map<String, Set<String>> interfaces = introspect(path);

    assertEquals(
        Set.of(
            "org.freedesktop.DBus.Introspectable",
            "org.freedesktop.DBus.Peer",
            "org.freedesktop.DBus.Properties",
            Agent1Workload.INTERFACE),
        interfaces.keySet());
    assertEquals(
        new TreeSet<>(
            Set.of(
                "method AutoUpdate(a{sv}) -> a(sssss)",
                "method Restart(a{sv}) -> ",
                "method Stop(a{sv}) -> ",
                "property ActiveState s read",
                "property Containers a(sssss) read",
                "property File s read",
                "property MainPID u read",
                "property Name s read",
                "property Result s read",
                "property StatusText s read",
                "property SubState s read",
                "property Unit s read")),
        interfaces.get(Agent1Workload.INTERFACE));
  }

  @Test
  void propertiesChangedArrivesWhenTheUnitBecomesActive() throws Exception {
    Path file = play(TestWorkloads.simple(dir, "signals"));
    String path = WorkloadRef.ofFile(file.toString()).objectPath();
    CompletableFuture<Map<String, Variant<?>>> active = new CompletableFuture<>();
    AutoCloseable handler =
        bus.connection()
            .addSigHandler(
                PropertiesChanged.class,
                signal -> {
                  Variant<?> state = signal.getPropertiesChanged().get("ActiveState");
                  if (signal.getPath().equals(path)
                      && state != null
                      && "active".equals(state.getValue())) {
                    active.complete(signal.getPropertiesChanged());
                  }
                });

    assertTrue(bus.manager("Play", file.toString(), Map.of()).ok());

    Map<String, Variant<?>> changed = active.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    handler.close();
    assertEquals("running", changed.get("SubState").getValue());
  }

  @Test
  void killedAgentLeavesWorkloadsRunningAndItsSuccessorListsThem() throws Exception {
    Path file = play(TestWorkloads.simple(dir, "survivor"));
    WorkloadRef ref = WorkloadRef.ofFile(file.toString());
    assertTrue(bus.manager("Play", file.toString(), waitOption()).ok());
    String supervisor = Sandbox.unitProperty(ref.unit(), "MainPID");
    String agent = Sandbox.unitProperty("kubeplayd.service", "MainPID");
    try (OwnerWatch successor = OwnerWatch.on(bus.connection(), Agent1Manager.BUS_NAME)) {
      Command.run("kill", "-9", agent).checked();

      // Restart=on-failure brings kubeplayd back; it takes its name only once it is ready.
      successor.await(Duration.ofSeconds(DEADLINE_SECONDS));
    }
    List<?> rows = (List<?>) bus.manager("ListWorkloads").value();
    assertTrue(
        rows.stream().anyMatch(r -> ((WorkloadRow) r).unit.equals(ref.unit())), rows.toString());
    assertEquals("active", Sandbox.unitProperty(ref.unit(), "ActiveState"));
    assertEquals(supervisor, Sandbox.unitProperty(ref.unit(), "MainPID"));
  }

  @Test
  void twentyParallelPlaysAllEndActive() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      files.add(play(TestWorkloads.simple(dir, "par" + i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(files.size());
    try {
      List<Future<AgentBus.Reply>> replies = new ArrayList<>();
      for (Path file : files) {
        replies.add(pool.submit(() -> bus.manager("Play", file.toString(), waitOption())));
      }

      for (Future<AgentBus.Reply> reply : replies) {
        AgentBus.Reply answer = reply.get(AgentBus.REPLY_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertTrue(answer.ok(), answer.errorName() + ": " + answer.message());
      }
    } finally {
      pool.shutdownNow();
    }
    for (Path file : files) {
      assertEquals(
          "active",
          Sandbox.unitProperty(WorkloadRef.ofFile(file.toString()).unit(), "ActiveState"));
    }
  }

  @Test
  void brokenManifestAnswersInvalidManifestWithLinesAndStartsNothing() throws Exception {
    Path file = TestWorkloads.broken(dir);
    WorkloadRef ref = WorkloadRef.ofFile(file.toString());

    AgentBus.Reply reply = bus.manager("Play", file.toString(), waitOption());

    assertEquals(AgentError.INVALID_MANIFEST.wireName(), reply.errorName());
    assertTrue(reply.message().contains(file + ":6:"), reply.message());
    assertTrue(reply.message().contains(file + ":9:"), reply.message());
    String units = Command.run("systemctl", "--user", "list-units", "--all", ref.unit()).stdout();
    assertFalse(units.contains(ref.unit()), units);
    List<?> rows = (List<?>) bus.manager("ListWorkloads").value();
    assertTrue(rows.stream().noneMatch(r -> ((WorkloadRow) r).file.equals(file.toString())));
  }

  @Test
  void secondCallWhileTheJobRunsIsBusy() throws Exception {
    Path gate = Files.createDirectories(dir.resolve("gate"));
    Path file = play(TestWorkloads.gated(dir, "busy", gate));
    WorkloadRef ref = WorkloadRef.ofFile(file.toString());
    assertTrue(bus.manager("Play", file.toString(), Map.of()).ok());

    AgentBus.Reply again = bus.manager("Play", file.toString(), Map.of());
    AgentBus.Reply stop = bus.manager("Stop", ref.name(), Map.of());
    Files.createFile(gate.resolve("go"));

    assertEquals(AgentError.BUSY.wireName(), again.errorName());
    assertEquals(
        "workload '" + ref.name() + "' is busy: its play job is still running", again.message());
    assertEquals(AgentError.BUSY.wireName(), stop.errorName());
  }

  @Test
  void longWaitDoesNotBlockOtherCallers() throws Exception {
    Path gate = Files.createDirectories(dir.resolve("gate"));
    Path file = play(TestWorkloads.gated(dir, "wait", gate));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<AgentBus.Reply> waiting =
          pool.submit(() -> bus.manager("Play", file.toString(), waitOption()));
      // The start job runs until the gate opens: from here the Play call is waiting.
      Sandbox.awaitUnitProperty(
          WorkloadRef.ofFile(file.toString()).unit(),
          "ActiveState",
          "activating"::equals,
          Duration.ofSeconds(DEADLINE_SECONDS));

      AgentBus.Reply list = bus.manager("ListWorkloads");

      assertTrue(list.ok());
      assertFalse(waiting.isDone(), "Play returned before its unit was ready");
      Files.createFile(gate.resolve("go"));
      AgentBus.Reply played = waiting.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      assertTrue(played.ok(), played.errorName() + ": " + played.message());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void autoUpdateDryRunReportsPendingForANewerLocalImageAndChangesNothing() throws Exception {
    String image = "localhost/agent-update-check:latest";
    Command.run("podman", "tag", Sandbox.testImage(), image).checked();
    try {
      Path file = play(TestWorkloads.localUpdates(dir, "updating", image));
      assertTrue(bus.manager("Play", file.toString(), waitOption()).ok());
      String unit = WorkloadRef.ofFile(file.toString()).unit();
      String pid = Sandbox.unitProperty(unit, "MainPID");
      String container = podmanNameOf(file);
      // A new image under the same name: "local" finds it on the next check.
      Command.run("podman", "commit", "--quiet", container, image).checked();

      Cli dryRun = cli("--user", "auto-update", "--dry-run");

      assertEquals(0, dryRun.exitCode(), dryRun.err());
      String row = dryRun.out().lines().filter(l -> l.startsWith(unit)).findFirst().orElse("");
      assertTrue(row.contains("(" + container + ")"), dryRun.out());
      assertTrue(row.matches(".*\\s" + image + "\\s+local\\s+pending\\s*"), row);
      assertEquals(pid, Sandbox.unitProperty(unit, "MainPID"));
    } finally {
      Command.run("podman", "rmi", "--force", image);
    }
  }

  @Test
  void autoUpdateUnitRunsTheUpdateThroughKubeplaydAndItsTimerLoads() {
    Sandbox.systemctl("start", "kubeplay-auto-update.service");

    assertEquals("success", Sandbox.unitProperty("kubeplay-auto-update.service", "Result"));
    assertEquals("loaded", Sandbox.unitProperty("kubeplay-auto-update.timer", "LoadState"));
    assertEquals("yes", Sandbox.unitProperty("kubeplay-auto-update.timer", "Persistent"));
  }

  private static String podmanNameOf(Path file) {
    String pod = file.getFileName().toString().replace(".yaml", "");
    return pod + "-app";
  }

  @Test
  void unknownOptionIsInvalidArgsNamingIt() throws Exception {
    AgentBus.Reply reply = bus.manager("Stop", "nothing", Map.of("force", new Variant<>(true)));

    assertEquals(AgentError.INVALID_ARGS.wireName(), reply.errorName());
    assertEquals("unknown option 'force' for Stop: valid are wait", reply.message());
  }

  @Test
  void workloadPropertiesAreReadOnly() throws Exception {
    Path file = play(TestWorkloads.simple(dir, "readonly"));
    String path =
        (String) AgentClient.plain(bus.manager("Play", file.toString(), waitOption()).value());

    AgentBus.Reply name = bus.call(path, Properties.class, "Get", Agent1Workload.INTERFACE, "Name");
    Command set =
        Command.run(
            "busctl",
            "--user",
            "set-property",
            Agent1Manager.BUS_NAME,
            path,
            Agent1Workload.INTERFACE,
            "Name",
            "s",
            "other");

    assertNull(name.errorName(), name.message());
    assertEquals(WorkloadRef.ofFile(file.toString()).name(), AgentClient.plain(name.value()));
    assertEquals(1, set.exitCode());
    assertTrue(set.stderr().contains("property 'Name' is read-only"), set.stderr());
  }

  private Path play(Path file) {
    played.add(file);
    return file;
  }

  private static Map<String, Variant<?>> waitOption() {
    return Map.of("wait", new Variant<>(true));
  }

  private static String busctl(String verb, String member, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "busctl",
                "--user",
                verb,
                Agent1Manager.BUS_NAME,
                Agent1Manager.OBJECT_PATH,
                Agent1Manager.INTERFACE,
                member));
    command.addAll(List.of(args));
    return Command.run(command).checked();
  }

  private record Cli(int exitCode, String out, String err) {}

  private static Cli cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Kubeplay.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(exitCode, out.toString(), err.toString());
  }

  /** Returns each interface of an object with its members, as "method Name(in) -> out". */
  private Map<String, Set<String>> introspect(String path) throws Exception {
    String xml = (String) bus.call(path, Introspectable.class, "Introspect").value();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    Map<String, Set<String>> interfaces = new java.util.HashMap<>();
    NodeList nodes = document.getElementsByTagName("interface");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      interfaces.put(element.getAttribute("name"), members(element));
    }
    return interfaces;
  }

  private static Set<String> members(Element element) {
    Set<String> members = new TreeSet<>();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element member) {
        members.add(describe(member));
      }
    }
    return members;
  }

  private static String describe(Element member) {
    String name = member.getAttribute("name");
    return switch (member.getTagName()) {
      case "property" ->
          "property "
              + name
              + " "
              + member.getAttribute("type")
              + " "
              + member.getAttribute("access");
      case "signal" -> "signal " + name + "(" + args(member, "") + ")";
      case "method" -> "method " + name + "(" + args(member, "in") + ") -> " + args(member, "out");
      default -> member.getTagName() + " " + name;
    };
  }

  private static String args(Element member, String direction) {
    StringBuilder types = new StringBuilder();
    NodeList args = member.getElementsByTagName("arg");
    for (int i = 0; i < args.getLength(); i++) {
      Element arg = (Element) args.item(i);
      String dir = arg.getAttribute("direction");
      boolean matches =
          direction.isEmpty() || dir.equals(direction) || (dir.isEmpty() && direction.equals("in"));
      if (matches) {
        types.append(arg.getAttribute("type"));
      }
    }
    return types.toString();
  }
}
