package org.kubeplay.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Peer;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.interfaces.Properties.PropertiesChanged;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodReturn;
import org.freedesktop.dbus.types.Variant;
import org.kubeplay.agent.bindings.Agent1Manager;
import org.kubeplay.agent.bindings.Agent1Manager.WorkloadNew;
import org.kubeplay.agent.bindings.Agent1Manager.WorkloadRemoved;
import org.kubeplay.agent.bindings.Agent1Workload;
import org.kubeplay.agent.bindings.WorkloadRow;
import org.kubeplay.systemd.bindings.Systemd1Manager.UnitNew;
import org.kubeplay.systemd.bindings.Systemd1Manager.UnitRemoved;

/**
 * kubeplayd's calls over one session-bus connection, each sent and awaited the same way, so that
 * Ping and the manager's methods differ only in what kubeplayd does for them.
 */
final class AgentCalls implements AutoCloseable {
  /** Longest any call may take: a Play with wait is bounded by the unit's TimeoutStartSec=90. */
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

  private final DBusConnection connection;
  private final Peer peer;
  private final Agent1Manager manager;
  private final Properties properties;

  /** How often each workload was announced by WorkloadNew [0] and WorkloadRemoved [1]. */
  private final Map<String, int[]> announcements = new ConcurrentHashMap<>();

  /** How often systemd loaded [0] and unloaded [1] each workload unit (UnitNew, UnitRemoved). */
  private final Map<String, int[]> unitLoads = new ConcurrentHashMap<>();

  /** The last ActiveState each workload object sent in PropertiesChanged, by object path. */
  private final Map<String, String> lastState = new ConcurrentHashMap<>();

  /** How many workloads went away with each last ActiveState their object had sent. */
  private final Map<String, Integer> statesAtRemoval = new ConcurrentHashMap<>();

  /** When each workload object first said ActiveState=active, by object path (nanoTime). */
  private final Map<String, CompletableFuture<Long>> activeAt = new ConcurrentHashMap<>();

  private AgentCalls(DBusConnection connection) throws DBusException {
    this.connection = connection;
    this.peer =
        connection.getRemoteObject(Agent1Manager.BUS_NAME, Agent1Manager.OBJECT_PATH, Peer.class);
    this.manager =
        connection.getRemoteObject(
            Agent1Manager.BUS_NAME, Agent1Manager.OBJECT_PATH, Agent1Manager.class);
    this.properties =
        connection.getRemoteObject(
            Agent1Manager.BUS_NAME, Agent1Manager.OBJECT_PATH, Properties.class);
    connection.addSigHandler(PropertiesChanged.class, this::onPropertiesChanged);
    connection.addSigHandler(WorkloadNew.class, signal -> announced(signal.name(), 0));
    connection.addSigHandler(WorkloadRemoved.class, this::onWorkloadRemoved);
    // systemd broadcasts these once any client has subscribed, as kubeplayd does.
    connection.addSigHandler(UnitNew.class, signal -> unitLoaded(signal.unit(), 0));
    connection.addSigHandler(UnitRemoved.class, signal -> unitLoaded(signal.unit(), 1));
  }

  /** Connects to the session bus that DBUS_SESSION_BUS_ADDRESS names. */
  static AgentCalls connect() throws DBusException {
    return new AgentCalls(DBusConnectionBuilder.forSessionBus().withShared(false).build());
  }

  void ping() {
    call(peer, "Ping");
  }

  /** Calls the manager's Properties.GetAll: a method of kubeplayd's own that does nothing. */
  void managerGetAll() {
    call(properties, "GetAll", Agent1Manager.INTERFACE);
  }

  /** Calls ListWorkloads and waits for the answer without decoding it into Java objects. */
  void listWorkloadsUndecoded() {
    DBusAsyncReply<?> reply = connection.callMethodAsync(manager, "ListWorkloads");
    if (!(reply.getCall().getReply(CALL_TIMEOUT.toMillis()) instanceof MethodReturn)) {
      throw new IllegalStateException("ListWorkloads: no answer, or an error");
    }
  }

  List<WorkloadRow> listWorkloads() {
    List<WorkloadRow> rows = new ArrayList<>();
    for (Object row : (List<?>) call(manager, "ListWorkloads")) {
      rows.add((WorkloadRow) row);
    }
    return rows;
  }

  /** Plays a file and returns the workload's object path. */
  String play(Path file, Wait wait) {
    return ((DBusPath) call(manager, "Play", file.toString(), options(wait))).getPath();
  }

  /** Sends a Play without waiting for its answer; {@link #await} takes the answer. */
  DBusAsyncReply<?> playAsync(Path file, Wait wait) {
    return connection.callMethodAsync(manager, "Play", file.toString(), options(wait));
  }

  void stop(Path file, Wait wait) {
    call(manager, "Stop", file.toString(), options(wait));
  }

  DBusAsyncReply<?> stopAsync(String workload, Wait wait) {
    return connection.callMethodAsync(manager, "Stop", workload, options(wait));
  }

  /**
   * Waits for a workload object's PropertiesChanged with ActiveState=active; returns when it
   * arrived (nanoTime), also if it arrived before this call.
   */
  long awaitActive(String objectPath) {
    try {
      return activeFuture(objectPath).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("waiting for '" + objectPath + "' to become active", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for '" + objectPath + "'", e);
    }
  }

  /** Workloads announced other than once by WorkloadNew and once by WorkloadRemoved. */
  Map<String, String> oddAnnouncements() {
    Map<String, String> odd = new TreeMap<>();
    announcements.forEach(
        (name, counts) -> {
          synchronized (counts) {
            if (counts[0] != 1 || counts[1] != 1) {
              odd.put(name, counts[0] + " WorkloadNew, " + counts[1] + " WorkloadRemoved");
            }
          }
        });
    return odd;
  }

  /** How many workload units systemd loaded and unloaded how often, as "UnitNew/UnitRemoved". */
  Map<String, Integer> unitLoadCounts() {
    Map<String, Integer> histogram = new TreeMap<>();
    unitLoads.forEach(
        (unit, counts) -> {
          synchronized (counts) {
            histogram.merge(counts[0] + "/" + counts[1], 1, Integer::sum);
          }
        });
    return histogram;
  }

  /** How many workloads went, by the last ActiveState their PropertiesChanged had said. */
  Map<String, Integer> statesAtRemoval() {
    return new TreeMap<>(statesAtRemoval);
  }

  /** Takes the answer of an asynchronous call, failing on an error answer. */
  static Object await(String member, DBusAsyncReply<?> reply) {
    Message answer = reply.getCall().getReply(CALL_TIMEOUT.toMillis());
    if (answer == null) {
      throw new IllegalStateException(member + ": no answer within " + CALL_TIMEOUT);
    }
    if (answer instanceof Error error) {
      throw new IllegalStateException(
          member + ": " + error.getName() + ": " + error.getException().getMessage());
    }
    try {
      boolean empty = answer.getSig() == null || answer.getSig().isEmpty();
      return empty ? null : reply.getReply();
    } catch (DBusException e) {
      throw new IllegalStateException(member + ": reading the answer", e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException e) {
      // A benchmark's connection that does not close cleanly loses nothing.
    }
  }

  /** Whether a call waits for its systemd job, as the {@code wait} option says. */
  enum Wait {
    RETURN_AT_ONCE,
    UNTIL_JOB_DONE
  }

  private Object call(DBusInterface target, String member, Object... args) {
    return await(member, connection.callMethodAsync(target, member, args));
  }

  private static Map<String, Variant<?>> options(Wait wait) {
    return Map.of("wait", new Variant<>(wait == Wait.UNTIL_JOB_DONE));
  }

  private void onPropertiesChanged(PropertiesChanged signal) {
    if (!Agent1Workload.INTERFACE.equals(signal.getInterfaceName())) {
      return;
    }
    Variant<?> state = signal.getPropertiesChanged().get("ActiveState");
    if (state != null) {
      lastState.put(signal.getPath(), String.valueOf(state.getValue()));
    }
    if (state != null && "active".equals(state.getValue())) {
      activeFuture(signal.getPath()).complete(System.nanoTime());
    }
  }

  private void onWorkloadRemoved(WorkloadRemoved signal) {
    announced(signal.name(), 1);
    String last = lastState.getOrDefault(signal.workload(), "none");
    statesAtRemoval.merge(last, 1, Integer::sum);
  }

  private void announced(String name, int kind) {
    count(announcements, name, kind);
  }

  private void unitLoaded(String unit, int kind) {
    if (unit.startsWith("podman-kube@")) {
      count(unitLoads, unit, kind);
    }
  }

  private static void count(Map<String, int[]> counters, String key, int kind) {
    int[] counts = counters.computeIfAbsent(key, k -> new int[2]);
    synchronized (counts) {
      counts[kind]++;
    }
  }

  private CompletableFuture<Long> activeFuture(String objectPath) {
    return activeAt.computeIfAbsent(objectPath, path -> new CompletableFuture<>());
  }
}
