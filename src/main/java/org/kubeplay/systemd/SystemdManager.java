package org.kubeplay.systemd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.interfaces.Properties.PropertiesChanged;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.kubeplay.systemd.bindings.Systemd1Manager;
import org.kubeplay.systemd.bindings.Systemd1Manager.JobRemoved;
import org.kubeplay.systemd.bindings.Systemd1Manager.UnitNew;
import org.kubeplay.systemd.bindings.Systemd1Manager.UnitRemoved;
import org.kubeplay.systemd.bindings.UnitListEntry;

/**
 * Talks to a systemd manager over D-Bus: queues jobs, waits for them, reads unit state and follows
 * its changes.
 *
 * <p>One instance owns one private bus connection and is safe to use from many threads. Jobs are
 * matched with their JobRemoved signal even when the signal comes before the reply that names the
 * job. Listeners run on a dbus-java thread and must not block.
 */
public final class SystemdManager implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SystemdManager.class.getName());

  /** The prefix of every unit's object path; the rest is the unit name as a bus label. */
  static final String UNIT_PATH_PREFIX = "/org/freedesktop/systemd1/unit";

  private static final String UNIT_INTERFACE = "org.freedesktop.systemd1.Unit";
  private static final String SERVICE_INTERFACE = "org.freedesktop.systemd1.Service";

  private final DBusConnection connection;
  private final Systemd1Manager manager;
  private final JobTracker jobs = new JobTracker();
  private final Set<Consumer<UnitChange>> listeners = new CopyOnWriteArraySet<>();
  private final Set<Consumer<UnitPresence>> presenceListeners = new CopyOnWriteArraySet<>();
  private final Set<Runnable> disconnectListeners = new CopyOnWriteArraySet<>();
  private final List<AutoCloseable> signalHandlers = new ArrayList<>();

  /**
   * Starts using a bus connection, which the new instance owns and closes.
   *
   * @throws SystemdException if the signal handlers cannot be added or Subscribe fails
   */
  SystemdManager(DBusConnection connection) throws SystemdException {
    this.connection = connection;
    try {
      manager =
          connection.getRemoteObject(
              Systemd1Manager.BUS_NAME, Systemd1Manager.OBJECT_PATH, Systemd1Manager.class);
      // dbus-java filters signals by unique sender name only, so resolve systemd's, and follow
      // it when systemd comes back under a new one (daemon-reexec, a package upgrade).
      connection.addSigHandler(DBus.NameOwnerChanged.class, this::onOwnerChanged);
      // Handlers go in before any call, so that no JobRemoved of ours can be missed.
      listenTo(connection.getDBusOwnerName(Systemd1Manager.BUS_NAME));
      connection.setDisconnectCallback(new DisconnectListener());
    } catch (DBusException | DBusExecutionException e) {
      throw new SystemdException("adding handlers for systemd's signals", e);
    }
    call("subscribing to systemd's signals", manager, "Subscribe");
  }

  /**
   * Connects to the user's manager on the session bus that DBUS_SESSION_BUS_ADDRESS names, or else
   * at {@code $XDG_RUNTIME_DIR/bus}, where sd-bus looks too.
   */
  public static SystemdManager connectUser() throws SystemdException {
    String address = System.getenv("DBUS_SESSION_BUS_ADDRESS");
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    if ((address == null || address.isEmpty()) && runtimeDir != null && !runtimeDir.isEmpty()) {
      String fallback = "unix:path=" + runtimeDir + "/bus";
      return connect(
          "the session bus at '" + fallback + "'", DBusConnectionBuilder.forAddress(fallback));
    }
    return connect("the session bus", DBusConnectionBuilder.forSessionBus());
  }

  /** Connects to the system's manager on the system bus. */
  public static SystemdManager connectSystem() throws SystemdException {
    return connect("the system bus", DBusConnectionBuilder.forSystemBus());
  }

  private static SystemdManager connect(String bus, DBusConnectionBuilder builder)
      throws SystemdException {
    DBusConnection connection;
    try {
      // A private connection: a shared one would be closed under other users of the same bus.
      connection = builder.withShared(false).build();
    } catch (DBusException e) {
      throw new SystemdException("connecting to " + bus, e);
    }
    try {
      return new SystemdManager(connection);
    } catch (SystemdException e) {
      closeConnection(connection);
      throw e;
    }
  }

  /** Queues a start job for a unit, as {@code systemctl start} does. */
  public Job startUnit(String unit, JobMode mode) throws SystemdException {
    return enqueue("starting unit '" + unit + "'", unit, "StartUnit", mode);
  }

  /** Queues a stop job for a unit, as {@code systemctl stop} does. */
  public Job stopUnit(String unit, JobMode mode) throws SystemdException {
    return enqueue("stopping unit '" + unit + "'", unit, "StopUnit", mode);
  }

  /** Queues a restart job for a unit, which starts it if it is not running. */
  public Job restartUnit(String unit, JobMode mode) throws SystemdException {
    return enqueue("restarting unit '" + unit + "'", unit, "RestartUnit", mode);
  }

  /** Resets a unit's failed state and its restart counter, as {@code systemctl reset-failed}. */
  public void resetFailedUnit(String unit) throws SystemdException {
    call("resetting failed unit '" + unit + "'", manager, "ResetFailedUnit", unit);
  }

  /**
   * Returns the object path of a loaded unit.
   *
   * @throws SystemdException with {@link SystemdError#NO_SUCH_UNIT} if the unit is not loaded
   */
  public String getUnit(String unit) throws SystemdException {
    return path(call("getting unit '" + unit + "'", manager, "GetUnit", unit));
  }

  /** Returns the object path of a unit, loading it first if needed. */
  public String loadUnit(String unit) throws SystemdException {
    return path(call("loading unit '" + unit + "'", manager, "LoadUnit", unit));
  }

  /**
   * Lists the loaded units whose ActiveState, LoadState or SubState is one of the states and whose
   * name matches one of the glob patterns; an empty list matches everything.
   */
  public List<UnitSummary> listUnitsByPatterns(List<String> states, List<String> patterns)
      throws SystemdException {
    String context = "listing units matching " + patterns + " in states " + states;
    Object entries = call(context, manager, "ListUnitsByPatterns", states, patterns);
    try {
      return ((List<?>) entries).stream().map(e -> summary((UnitListEntry) e)).toList();
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new SystemdException(context, e);
    }
  }

  /** Reloads all unit files, as {@code systemctl daemon-reload}; returns when it is done. */
  public void reload() throws SystemdException {
    call("reloading systemd", manager, "Reload");
  }

  /** Reads a unit's state, loading the unit first if needed. */
  public UnitState unit(String unit) throws SystemdException {
    return read(unit, loadUnit(unit));
  }

  private UnitState read(String unit, String objectPath) throws SystemdException {
    String context = "reading unit '" + unit + "'";
    Properties properties = properties(objectPath, context);
    Object unitProperties = call(context, properties, "GetAll", UNIT_INTERFACE);
    Object serviceProperties =
        unit.endsWith(".service")
            ? call(context, properties, "GetAll", SERVICE_INTERFACE)
            : Map.of();
    try {
      return UnitStates.from((Map<?, ?>) unitProperties, (Map<?, ?>) serviceProperties);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new SystemdException(context, e);
    }
  }

  /**
   * Reads a unit's state if it is loaded, without loading it: a query that loads a unit would make
   * systemd announce it with UnitNew.
   */
  public Optional<UnitState> loadedUnit(String unit) throws SystemdException {
    String path;
    try {
      path = getUnit(unit);
    } catch (SystemdException e) {
      if (e.error() == SystemdError.NO_SUCH_UNIT) {
        return Optional.empty();
      }
      throw e;
    }
    try {
      return Optional.of(read(unit, path));
    } catch (SystemdException e) {
      // Unloaded between the two calls: its object is gone.
      if (e.error() == SystemdError.UNKNOWN_OBJECT) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Reads one property of a unit, as a plain Java value (see {@link UnitChange}).
   *
   * @param interfaceName e.g. {@code org.freedesktop.systemd1.Service}
   */
  public Object unitProperty(String unit, String interfaceName, String property)
      throws SystemdException {
    String context = "reading property " + property + " of unit '" + unit + "'";
    Properties properties = properties(loadUnit(unit), context);
    return DBusValues.plain(call(context, properties, "Get", interfaceName, property));
  }

  /** Calls the listener with every property change systemd reports for any unit. */
  public Subscription onUnitChanged(Consumer<UnitChange> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Calls the listener whenever systemd loads a unit into memory or unloads it: UnitNew and
   * UnitRemoved. A query such as {@link #unit} loads a unit too, so listeners check its state.
   */
  public Subscription onUnitPresence(Consumer<UnitPresence> listener) {
    presenceListeners.add(listener);
    return () -> presenceListeners.remove(listener);
  }

  /**
   * Calls the listener once if the connection to systemd's bus is lost, not when it is closed: a
   * daemon exits then, so that its service manager restarts it.
   */
  public Subscription onDisconnected(Runnable listener) {
    disconnectListeners.add(listener);
    return () -> disconnectListeners.remove(listener);
  }

  /** Closes the bus connection; jobs still waiting complete with a {@link SystemdException}. */
  @Override
  public void close() {
    jobs.close(new SystemdException("connection to systemd closed", null));
    listeners.clear();
    presenceListeners.clear();
    disconnectListeners.clear();
    closeConnection(connection);
  }

  private Job enqueue(String context, String unit, String member, JobMode mode)
      throws SystemdException {
    jobs.callStarting();
    String jobPath = null;
    try {
      jobPath = path(call(context, manager, member, unit, mode.wireName()));
    } finally {
      if (jobPath == null) {
        jobs.callFailed();
      }
    }
    LOG.log(System.Logger.Level.DEBUG, "{0}: queued job {1}", context, jobPath);
    return new Job(unit, jobPath, jobs.callReturned(jobPath));
  }

  /** Takes systemd's signals from {@code sender}, and no longer from an earlier name. */
  private synchronized void listenTo(String sender) throws DBusException {
    for (AutoCloseable handler : signalHandlers) {
      closeQuietly(handler);
    }
    signalHandlers.clear();
    signalHandlers.add(
        connection.addSigHandler(JobRemoved.class, sender, manager, this::onJobRemoved));
    signalHandlers.add(
        connection.addSigHandler(PropertiesChanged.class, sender, this::onPropertiesChanged));
    signalHandlers.add(connection.addSigHandler(UnitNew.class, sender, manager, this::onUnitNew));
    signalHandlers.add(
        connection.addSigHandler(UnitRemoved.class, sender, manager, this::onUnitRemoved));
  }

  private void onOwnerChanged(DBus.NameOwnerChanged signal) {
    if (!Systemd1Manager.BUS_NAME.equals(signal.name) || signal.newOwner.isEmpty()) {
      return;
    }
    try {
      listenTo(signal.newOwner);
      call("subscribing to systemd's signals again", manager, "Subscribe");
      LOG.log(System.Logger.Level.INFO, "systemd is back on the bus as {0}", signal.newOwner);
    } catch (DBusException | SystemdException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "following systemd to {0} failed, ignoring: {1}",
          signal.newOwner,
          e.getMessage());
    }
  }

  private static void closeQuietly(AutoCloseable handler) {
    try {
      handler.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "removing a signal handler: {0}", e.getMessage());
    }
  }

  private void onJobRemoved(JobRemoved signal) {
    LOG.log(
        System.Logger.Level.DEBUG,
        "job {0} of unit {1} ended: {2}",
        signal.job(),
        signal.unit(),
        signal.result());
    jobs.jobRemoved(signal.job(), signal.result());
  }

  private void onUnitNew(UnitNew signal) {
    firePresence(new UnitPresence(signal.unit(), UnitPresence.Kind.LOADED));
  }

  private void onUnitRemoved(UnitRemoved signal) {
    firePresence(new UnitPresence(signal.unit(), UnitPresence.Kind.UNLOADED));
  }

  private void firePresence(UnitPresence presence) {
    for (Consumer<UnitPresence> listener : presenceListeners) {
      try {
        listener.accept(presence);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "listener failed on " + presence + ", ignoring", e);
      }
    }
  }

  private void onPropertiesChanged(PropertiesChanged signal) {
    Optional<String> unit;
    try {
      unit = BusLabels.idOf(UNIT_PATH_PREFIX, signal.getPath());
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "bad unit path in PropertiesChanged, ignoring", e);
      return;
    }
    if (unit.isEmpty() || listeners.isEmpty()) {
      return;
    }
    UnitChange change =
        new UnitChange(
            unit.get(),
            signal.getInterfaceName(),
            DBusValues.plainProperties(signal.getPropertiesChanged()),
            signal.getPropertiesRemoved());
    listeners.forEach(listener -> deliver(listener, change));
  }

  private static void deliver(Consumer<UnitChange> listener, UnitChange change) {
    try {
      listener.accept(change);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "listener failed on change of unit " + change.unit() + ", ignoring",
          e);
    }
  }

  /** Tells the disconnect listeners when the bus connection breaks. */
  private final class DisconnectListener implements IDisconnectCallback {
    @Override
    public void disconnectOnError(IOException cause) {
      LOG.log(System.Logger.Level.WARNING, "connection to systemd's bus lost", cause);
      jobs.close(new SystemdException("connection to systemd lost", cause));
      disconnectListeners.forEach(Runnable::run);
    }
  }

  private Properties properties(String objectPath, String context) throws SystemdException {
    try {
      return connection.getRemoteObject(Systemd1Manager.BUS_NAME, objectPath, Properties.class);
    } catch (DBusException e) {
      throw new SystemdException(context, e);
    }
  }

  private static UnitSummary summary(UnitListEntry entry) {
    return new UnitSummary(
        entry.name,
        entry.description,
        entry.loadState,
        ActiveState.fromWireName(entry.activeState),
        entry.subState);
  }

  /**
   * Calls a method and waits for its reply, turning a D-Bus error into a typed {@link
   * SystemdException}.
   *
   * <p>dbus-java's proxies throw errors without their D-Bus error name, so the call goes through
   * the raw reply, which keeps it.
   */
  private Object call(String context, DBusInterface target, String member, Object... args)
      throws SystemdException {
    try {
      DBusAsyncReply<?> reply = connection.callMethodAsync(target, member, args);
      Message answer = reply.getCall().getReply();
      if (answer instanceof Error error) {
        throw failure(context, error.getName(), error.getException());
      }
      if (answer == null) {
        throw new SystemdException(context + ": no reply", SystemdError.NO_REPLY, "", null);
      }
      // A reply without a body (a void method) is one dbus-java's getReply calls missing.
      boolean empty = answer.getSig() == null || answer.getSig().isEmpty();
      return empty ? null : reply.getReply();
    } catch (DBusException e) {
      throw new SystemdException(context, e);
    } catch (DBusExecutionException e) {
      throw failure(context, "", e);
    }
  }

  private static SystemdException failure(String context, String errorName, Exception cause) {
    return new SystemdException(
        context + ": " + cause.getMessage(), SystemdError.classify(errorName), errorName, cause);
  }

  private static String path(Object objectPath) {
    return ((DBusPath) objectPath).getPath();
  }

  private static void closeConnection(DBusConnection connection) {
    try {
      connection.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "closing bus connection failed, ignoring", e);
    }
  }
}
