package org.kubeplay.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.DBusAsyncReply;
import org.kubeplay.agent.bindings.WorkloadRow;
import org.kubeplay.bench.AgentCalls.Wait;
import org.kubeplay.systemd.SystemdException;
import org.kubeplay.systemd.SystemdManager;

/**
 * Measures kubeplayd's ListWorkloads with 50 workloads loaded, and Play until it returns, against a
 * plain {@code org.freedesktop.DBus.Peer.Ping} to the same daemon over the same connection in the
 * same run. Run it with {@code bench/agent/run}, which runs it inside scripts/sandbox.
 */
public final class AgentBenchmark {
  private static final int PING_CALLS = 1000;
  private static final int PING_WARM_UP = 1000;
  private static final int LIST_CALLS = 200;
  private static final int LIST_WARM_UP = 20;
  private static final int LOADED_WORKLOADS = 50;

  /**
   * Workloads started at once while loading: each start runs a supervisor JVM and podman, and two
   * cores run about this many without any start nearing TimeoutStartSec.
   */
  private static final int START_BATCH = 10;

  /**
   * Stops awaited at once: kubeplayd answers Busy beyond 48 calls waiting for jobs, and each stop
   * runs a `kubeplay down` JVM.
   */
  private static final int STOP_BATCH = 25;

  private static final int PLAY_RUNS = 10;
  private static final int PLAY_WARM_UP = 1;

  /** How long ListWorkloads is watched for rows that stay not inactive after their Stop. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);

  private static final Duration SETTLE_POLL = Duration.ofMillis(100);
  private static final long STARTED = System.nanoTime();

  /** dbus-java says which transport it uses at INFO: keep the progress lines readable. */
  private static final Logger DBUS_LOG = Logger.getLogger("org.freedesktop.dbus");

  /** The image scripts/sandbox builds, and names in KUBEPLAY_TEST_IMAGE. */
  private static final String IMAGE =
      System.getenv().getOrDefault("KUBEPLAY_TEST_IMAGE", "localhost/kubeplay-test:latest");

  private final AgentCalls agent;
  private final Path dir;
  private final PrintStream out;

  /** Every file this run played, so that all of them are stopped at the end, whatever failed. */
  private final List<Path> played = new ArrayList<>();

  private int nextWorkload;

  private AgentBenchmark(AgentCalls agent, Path dir, PrintStream out) {
    this.agent = agent;
    this.dir = dir;
    this.out = out;
  }

  /** Takes the folder for the workload files (absolute, readable by kubeplayd). */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: AgentBenchmark DIR");
      System.exit(2);
    }
    DBUS_LOG.setLevel(Level.WARNING);
    Path dir = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(dir);
    try (AgentCalls agent = AgentCalls.connect()) {
      new AgentBenchmark(agent, dir, System.out).run();
    }
  }

  private void run() throws IOException {
    try {
      progress("warming up: %d pings (this starts kubeplayd by D-Bus activation)", PING_WARM_UP);
      time(PING_WARM_UP, i -> agent.ping());
      Phase idle = calls("no workloads");
      List<Latencies> plays = plays();

      loadWorkloads();
      checkLoaded();
      Phase loaded = calls(LOADED_WORKLOADS + " workloads");

      print(idle, plays, loaded);
    } finally {
      stopAll();
    }
  }

  /**
   * Times Ping, then the manager's GetAll (a method of kubeplayd's own that does nothing), then
   * ListWorkloads decoded and undecoded; Ping first, as every ratio's reference. Last, Ping and
   * ListWorkloads alternately, so that both see the same load of a shared machine.
   */
  private Phase calls(String phase) {
    List<WorkloadRow> rows = agent.listWorkloads();
    progress("%s: timing Ping, GetAll and ListWorkloads (%d rows)", phase, rows.size());
    time(LIST_WARM_UP, i -> agent.listWorkloads());
    time(LIST_WARM_UP, i -> agent.managerGetAll());
    List<Latencies> calls =
        List.of(
            new Latencies("Ping, " + phase, time(PING_CALLS, i -> agent.ping())),
            new Latencies("manager GetAll, " + phase, time(PING_CALLS, i -> agent.managerGetAll())),
            new Latencies(
                "ListWorkloads, " + rows.size() + " rows",
                time(LIST_CALLS, i -> agent.listWorkloads())),
            new Latencies(
                "ListWorkloads, " + rows.size() + " rows, reply undecoded",
                time(LIST_CALLS, i -> agent.listWorkloadsUndecoded())));
    long[] pings = new long[LIST_CALLS];
    long[] lists = new long[LIST_CALLS];
    for (int i = 0; i < LIST_CALLS; i++) {
      pings[i] = time(1, n -> agent.ping())[0];
      lists[i] = time(1, n -> agent.listWorkloads())[0];
    }
    return new Phase(
        phase,
        calls,
        new Latencies("Ping", pings),
        new Latencies("ListWorkloads, " + rows.size() + " rows", lists));
  }

  /** The calls timed in one phase, and Ping and ListWorkloads timed alternately. */
  private record Phase(
      String name, List<Latencies> calls, Latencies pairedPing, Latencies pairedList) {
    Latencies ping() {
      return calls.get(0);
    }
  }

  /**
   * Plays fresh workloads one at a time, without and with wait, in alternating order. They stay
   * running as part of the 50: a stop after each play would cost more time (a supervisor stop and a
   * `kubeplay down` JVM) than the play itself, and idle workloads do not slow the daemon down.
   */
  private List<Latencies> plays() throws IOException {
    progress("timing %d plays of each kind, after %d warm-up", PLAY_RUNS, PLAY_WARM_UP);
    for (int i = 0; i < PLAY_WARM_UP; i++) {
      playPair(i);
    }
    long[][] runs = new long[PLAY_RUNS][];
    for (int i = 0; i < PLAY_RUNS; i++) {
      runs[i] = playPair(i);
      progress(
          "play %d/%d: returned in %.0f ms, with wait in %.0f ms",
          i + 1, PLAY_RUNS, millis(runs[i][0]), millis(runs[i][2]));
    }
    long[][] lag = new long[PLAY_RUNS][];
    for (int i = 0; i < PLAY_RUNS; i++) {
      lag[i] = new long[] {runs[i][2] - runs[i][3]};
    }
    return List.of(
        new Latencies("Play wait=false, until it returns", column(runs, 0)),
        new Latencies("Play wait=false, until PropertiesChanged active", column(runs, 1)),
        new Latencies("Play wait=true, until it returns (active)", column(runs, 2)),
        new Latencies("Play wait=true, until PropertiesChanged active", column(runs, 3)),
        new Latencies("Play wait=true, answer after PropertiesChanged", column(lag, 0)));
  }

  /**
   * One play of each kind, the order alternating with the index; nanoseconds to return and to
   * PropertiesChanged active without wait, then the same with wait.
   */
  private long[] playPair(int index) throws IOException {
    long[] quick;
    long[] waited;
    if (index % 2 == 0) {
      quick = playAndTime(Wait.RETURN_AT_ONCE);
      waited = playAndTime(Wait.UNTIL_JOB_DONE);
    } else {
      waited = playAndTime(Wait.UNTIL_JOB_DONE);
      quick = playAndTime(Wait.RETURN_AT_ONCE);
    }
    return new long[] {quick[0], quick[1], waited[0], waited[1]};
  }

  /** Plays a fresh workload: nanoseconds until the call returns, and until it is active. */
  private long[] playAndTime(Wait wait) throws IOException {
    Path file = newWorkload(wait == Wait.RETURN_AT_ONCE ? "play" : "play-wait");
    long start = System.nanoTime();
    String object = agent.play(file, wait);
    long returned = System.nanoTime() - start;
    if (wait == Wait.UNTIL_JOB_DONE) {
      checkListed(List.of(file.toString()), "active", "Play with wait");
    }
    return new long[] {returned, agent.awaitActive(object) - start};
  }

  private void loadWorkloads() throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = played.size(); i < LOADED_WORKLOADS; i++) {
      files.add(newWorkload("load"));
    }
    for (int first = 0; first < files.size(); first += START_BATCH) {
      List<Path> batch = files.subList(first, Math.min(first + START_BATCH, files.size()));
      long start = System.nanoTime();
      List<DBusAsyncReply<?>> replies = new ArrayList<>();
      batch.forEach(file -> replies.add(agent.playAsync(file, Wait.UNTIL_JOB_DONE)));
      awaitAll("Play", replies);
      progress(
          "started %d/%d workloads (this batch of %d took %.1f s)",
          played.size() - files.size() + first + batch.size(),
          LOADED_WORKLOADS,
          batch.size(),
          millis(System.nanoTime() - start) / 1000);
    }
  }

  /** Checks that every workload this run loaded is active. */
  private void checkLoaded() {
    long active =
        agent.listWorkloads().stream().filter(r -> "active".equals(r.activeState)).count();
    if (active < LOADED_WORKLOADS) {
      throw new IllegalStateException(
          "ListWorkloads shows " + active + " active workloads, expected " + LOADED_WORKLOADS);
    }
  }

  /** Stops every workload this run played, in batches, and checks that none is left active. */
  private void stopAll() {
    List<String> running =
        agent.listWorkloads().stream()
            .filter(r -> !"inactive".equals(r.activeState) && played.contains(Path.of(r.file)))
            .map(r -> r.file)
            .toList();
    progress("stopping the %d workloads this run played", running.size());
    long start = System.nanoTime();
    for (int first = 0; first < running.size(); first += STOP_BATCH) {
      List<String> batch = running.subList(first, Math.min(first + STOP_BATCH, running.size()));
      List<DBusAsyncReply<?>> replies = new ArrayList<>();
      batch.forEach(file -> replies.add(agent.stopAsync(file, Wait.UNTIL_JOB_DONE)));
      awaitAll("Stop", replies);
      checkListed(batch, "inactive", "Stop with wait");
    }
    progress(
        "%d Stop calls with wait returned in %.1f s",
        running.size(), millis(System.nanoTime() - start) / 1000);
    checkSettled();
  }

  /**
   * Reports workloads that ListWorkloads still shows not inactive once every Stop with wait has
   * returned, beside what systemd says of their units; waits for every row to go, as systemd
   * unloads the stopped units, and reports workloads not announced exactly once each way.
   */
  private void checkSettled() {
    long start = System.nanoTime();
    List<WorkloadRow> left = notInactive();
    if (!left.isEmpty()) {
      progress("ListWorkloads still shows %d not inactive: %s", left.size(), describe(left));
    }
    List<WorkloadRow> rows = agent.listWorkloads();
    while (!rows.isEmpty() && System.nanoTime() - start < SETTLE_TIMEOUT.toNanos()) {
      pause(SETTLE_POLL);
      rows = agent.listWorkloads();
    }
    double seconds = millis(System.nanoTime() - start) / 1000;
    if (rows.isEmpty()) {
      progress("ListWorkloads is empty %.1f s after the last Stop returned", seconds);
    } else {
      progress("%.1f s after the last Stop returned, still listed: %s", seconds, describe(rows));
    }
    // A signal sent just before the last ListWorkloads answer may still be on its way.
    pause(SETTLE_POLL);
    Map<String, String> odd = agent.oddAnnouncements();
    progress(
        "WorkloadNew/WorkloadRemoved: %s",
        odd.isEmpty() ? "each workload announced once each way" : odd);
    progress(
        "workload units by how often systemd loaded/unloaded them (UnitNew/UnitRemoved): %s",
        agent.unitLoadCounts());
    progress(
        "last ActiveState in PropertiesChanged before WorkloadRemoved, by count: %s",
        agent.statesAtRemoval());
  }

  /**
   * Reports files whose ListWorkloads row, read right after a call with wait returned, shows
   * another state than the one the call waited for (a row that is gone counts as inactive).
   */
  private void checkListed(List<String> files, String expected, String call) {
    List<String> stale =
        agent.listWorkloads().stream()
            .filter(r -> files.contains(r.file) && !expected.equals(r.activeState))
            .map(r -> r.name + " " + r.activeState)
            .toList();
    if (!stale.isEmpty()) {
      progress("after %s returned, ListWorkloads shows not %s: %s", call, expected, stale);
    }
  }

  private List<WorkloadRow> notInactive() {
    return agent.listWorkloads().stream().filter(r -> !"inactive".equals(r.activeState)).toList();
  }

  /** Each row's name and mirrored state, with its unit's state as systemd gives it now. */
  private static String describe(List<WorkloadRow> rows) {
    try (SystemdManager systemd = SystemdManager.connectUser()) {
      List<String> described = new ArrayList<>();
      for (WorkloadRow row : rows) {
        String actual =
            systemd
                .loadedUnit(row.unit)
                .map(u -> u.activeState().wireName() + "/" + u.subState())
                .orElse("unloaded");
        described.add(row.name + " " + row.activeState + " (systemd: " + actual + ")");
      }
      return String.join(", ", described);
    } catch (SystemdException e) {
      return rows.size() + " rows (systemd unreadable: " + e.getMessage() + ")";
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void print(Phase idle, List<Latencies> plays, Phase loaded) {
    out.printf("kubeplayd on the session bus, calls over one dbus-java connection%n");
    out.printf("%-52s %6s %10s %10s %8s%n", "call", "n", "median ms", "p90 ms", "ratio");
    idle.calls().forEach(call -> row(call, idle.ping()));
    plays.forEach(play -> row(play, idle.ping()));
    loaded.calls().forEach(call -> row(call, loaded.ping()));
    out.printf("ratio: median / median of the Ping above it in the same run%n");
    out.printf(
        "the plays run one at a time, with 0 to %d of the run's workloads already active%n",
        2 * (PLAY_RUNS + PLAY_WARM_UP) - 1);
    for (Phase phase : List.of(idle, loaded)) {
      out.printf(
          "%s, %d pairs alternating Ping (median %.3f ms) and %s (median %.3f ms): ratio %.2f%n",
          phase.name(),
          phase.pairedPing().count(),
          millis(phase.pairedPing().median()),
          phase.pairedList().what(),
          millis(phase.pairedList().median()),
          phase.pairedList().median() / phase.pairedPing().median());
    }
  }

  private void row(Latencies latencies, Latencies ping) {
    out.printf(
        "%-52s %6d %10.3f %10.3f %8.2f%n",
        latencies.what(),
        latencies.count(),
        millis(latencies.median()),
        millis(latencies.p90()),
        latencies.median() / ping.median());
  }

  private static long[] time(int count, IntCall call) {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      call.run(i);
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static long[] column(long[][] runs, int index) {
    long[] nanos = new long[runs.length];
    for (int i = 0; i < runs.length; i++) {
      nanos[i] = runs[i][index];
    }
    return nanos;
  }

  private static void awaitAll(String member, List<DBusAsyncReply<?>> replies) {
    replies.forEach(reply -> AgentCalls.await(member, reply));
  }

  /** Writes a Pod with one idle container under a name no other workload of the run has. */
  private Path newWorkload(String stem) throws IOException {
    String pod = "bench-" + stem + "-" + nextWorkload++;
    Path file = dir.resolve(pod + ".yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
        spec:
          containers:
            - name: app
              image: %s
              command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]
        """
            .formatted(pod, IMAGE));
    played.add(file);
    return file;
  }

  private static double millis(double nanos) {
    return nanos / 1e6;
  }

  private static void progress(String format, Object... args) {
    double seconds = (System.nanoTime() - STARTED) / 1e9;
    System.err.printf("agent bench %5.1fs: " + format + "%n", prepend(seconds, args));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** One timed call; the index lets a series vary its argument. */
  @FunctionalInterface
  private interface IntCall {
    void run(int index);
  }
}
