package org.kubeplay.agent;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.freedesktop.dbus.Container;
import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.types.Variant;
import org.kubeplay.agent.bindings.Agent1Manager;
import org.kubeplay.agent.bindings.Agent1Workload;
import org.kubeplay.agent.bindings.WorkloadRow;

/**
 * A client of kubeplayd, for the command line: one method per call, project records for results,
 * {@link AgentException} with the D-Bus error's kind for failures.
 */
public final class AgentClient implements AutoCloseable {
  /**
   * Longest a call may take. A Play with wait lasts as long as the workload takes to become ready,
   * which the unit's TimeoutStartSec=90 bounds; this only ends a call kubeplayd never answers.
   */
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);

  /** Errors that mean nobody serves org.kubeplay.Agent1 on the bus. */
  private static final Set<String> NOT_RUNNING =
      Set.of(
          "org.freedesktop.DBus.Error.ServiceUnknown",
          "org.freedesktop.DBus.Error.NameHasNoOwner",
          "org.freedesktop.DBus.Error.NoReply",
          "org.freedesktop.DBus.Error.Disconnected");

  private final DBusConnection connection;
  private final BusKind bus;
  private final Agent1Manager manager;

  private AgentClient(DBusConnection connection, BusKind bus) throws DBusException {
    this.connection = connection;
    this.bus = bus;
    this.manager =
        connection.getRemoteObject(
            Agent1Manager.BUS_NAME, Agent1Manager.OBJECT_PATH, Agent1Manager.class);
  }

  /**
   * Connects to the system bus, or the session bus.
   *
   * @throws AgentException {@link AgentError#FAILED} if the bus cannot be reached
   */
  public static AgentClient connect(BusKind bus) throws AgentException {
    try {
      DBusConnectionBuilder builder =
          bus == BusKind.SYSTEM ? DBusConnectionBuilder.forSystemBus() : Agent.sessionBus();
      DBusConnection connection = builder.withShared(false).build();
      return new AgentClient(connection, bus);
    } catch (DBusException | DBusExecutionException e) {
      throw new AgentException(
          AgentError.FAILED, "connecting to the " + busName(bus) + ": " + e.getMessage(), e);
    }
  }

  /** Plays a file (made absolute here); returns the workload's object path. */
  public String play(Path file, boolean waitForJob) throws AgentException {
    Map<String, Variant<?>> options = Map.of("wait", new Variant<>(waitForJob));
    String absolute = file.toAbsolutePath().normalize().toString();
    return ((DBusPath) call(manager, "Play", absolute, options)).getPath();
  }

  /** Stops a workload given by file, unit or name. */
  public void stop(String workload, boolean waitForJob) throws AgentException {
    call(manager, "Stop", workload, Map.of("wait", new Variant<>(waitForJob)));
  }

  /** Lists the workloads. */
  public List<WorkloadInfo> list() throws AgentException {
    List<WorkloadInfo> workloads = new ArrayList<>();
    for (Object row : (List<?>) call(manager, "ListWorkloads")) {
      WorkloadRow r = (WorkloadRow) row;
      workloads.add(new WorkloadInfo(r.name, r.file, r.unit, r.activeState, r.object.getPath()));
    }
    return workloads;
  }

  /** Reads every property of a workload given by file, unit or name. */
  public WorkloadStatus status(String workload) throws AgentException {
    String path = ((DBusPath) call(manager, "GetWorkload", workload)).getPath();
    Properties properties = remote(path, Properties.class);
    Map<?, ?> values = (Map<?, ?>) call(properties, "GetAll", Agent1Workload.INTERFACE);
    return WorkloadStatus.of(path, plainMap(values));
  }

  /**
   * Asks for an auto-update run of the given units, or of every workload when there are none;
   * returns its rows (unit, container, image, policy, updated).
   */
  public List<List<Object>> autoUpdate(boolean dryRun, boolean rollback, List<String> units)
      throws AgentException {
    Map<String, Variant<?>> options = new java.util.HashMap<>();
    options.put("dry_run", new Variant<>(dryRun));
    options.put("rollback", new Variant<>(rollback));
    if (!units.isEmpty()) {
      options.put("units", new Variant<>(units, "as"));
    }
    Object rows = call(manager, "AutoUpdate", options);
    return ((List<?>) plain(rows)).stream().map(row -> (List<Object>) plainList(row)).toList();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException e) {
      // Nothing is left to lose when a client's connection does not close cleanly.
    }
  }

  private <T extends DBusInterface> T remote(String path, Class<T> type) throws AgentException {
    try {
      return connection.getRemoteObject(Agent1Manager.BUS_NAME, path, type);
    } catch (DBusException e) {
      throw new AgentException(AgentError.FAILED, "reading '" + path + "': " + e.getMessage(), e);
    }
  }

  /** Calls a method, keeping the D-Bus error name that dbus-java's proxies drop. */
  private Object call(DBusInterface target, String member, Object... args) throws AgentException {
    try {
      DBusAsyncReply<?> reply = connection.callMethodAsync(target, member, args);
      Message answer = reply.getCall().getReply(CALL_TIMEOUT.toMillis());
      if (answer == null) {
        throw new AgentException(AgentError.FAILED, member + ": kubeplayd did not answer");
      }
      if (answer instanceof Error error) {
        throw failure(member, error.getName(), error.getException().getMessage());
      }
      boolean empty = answer.getSig() == null || answer.getSig().isEmpty();
      return empty ? null : reply.getReply();
    } catch (DBusException | DBusExecutionException e) {
      throw new AgentException(AgentError.FAILED, member + ": " + e.getMessage(), e);
    }
  }

  private AgentException failure(String member, String errorName, String message) {
    if (NOT_RUNNING.contains(errorName)) {
      String start = bus == BusKind.SYSTEM ? "kubeplayd.service" : "kubeplayd.service --user";
      return new AgentException(
          AgentError.FAILED,
          "kubeplayd is not running on the "
              + busName(bus)
              + ": start "
              + start
              + " (or run kubeplayd"
              + (bus == BusKind.SYSTEM ? "" : " --user")
              + ")");
    }
    return new AgentException(
        AgentError.find(errorName).orElse(AgentError.FAILED),
        message == null || message.isEmpty() ? errorName : message);
  }

  private static String busName(BusKind bus) {
    return bus == BusKind.SYSTEM ? "system bus" : "session bus";
  }

  /** Turns dbus-java values into plain Java: Variant, DBusPath, structs and arrays unwrapped. */
  static Object plain(Object value) {
    if (value instanceof Variant<?> variant) {
      return plain(variant.getValue());
    } else if (value instanceof DBusPath path) {
      return path.getPath();
    } else if (value instanceof Number number && !(value instanceof Integer)) {
      return number.longValue();
    } else if (value instanceof Container || value instanceof List<?>) {
      return plainList(value);
    } else if (value instanceof Map<?, ?> map) {
      return plainMap(map);
    } else if (value != null && value.getClass().isArray()) {
      return plainList(value);
    }
    return value;
  }

  private static List<Object> plainList(Object value) {
    List<?> items;
    if (value instanceof Container container) {
      items = Arrays.asList(container.getParameters());
    } else if (value instanceof List<?> list) {
      items = list;
    } else {
      items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        ((List<Object>) items).add(Array.get(value, i));
      }
    }
    return items.stream().map(AgentClient::plain).toList();
  }

  private static Map<String, Object> plainMap(Map<?, ?> map) {
    Map<String, Object> plain = new java.util.LinkedHashMap<>();
    map.forEach((key, value) -> plain.put(String.valueOf(key), plain(value)));
    return plain;
  }
}
