package org.kubeplay.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.kubeplay.agent.bindings.Agent1Manager;
import org.kubeplay.agent.bindings.Agent1Manager.WorkloadNew;
import org.kubeplay.agent.bindings.Agent1Manager.WorkloadRemoved;
import org.kubeplay.agent.bindings.WorkloadRow;
import org.kubeplay.systemd.Subscription;
import org.kubeplay.systemd.SystemdException;
import org.kubeplay.systemd.SystemdManager;
import org.kubeplay.systemd.UnitChange;
import org.kubeplay.systemd.UnitPresence;
import org.kubeplay.systemd.UnitState;
import org.kubeplay.systemd.UnitSummary;

/**
 * The workload objects: one per loaded {@code podman-kube@} unit, exported while systemd keeps the
 * unit loaded, with its state mirrored from systemd's signals.
 *
 * <p>systemd is the only record: the objects are found again from its loaded units after a restart.
 * Signals are handled in order on one thread of the registry's own, since systemd's listeners must
 * not block.
 */
final class WorkloadRegistry implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WorkloadRegistry.class.getName());

  private final DBusConnection bus;
  private final SystemdManager systemd;
  private final Supplier<Agent.Services> services;
  private final Map<String, WorkloadObject> objects = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "kubeplayd-events"));
  private final List<Subscription> subscriptions = new ArrayList<>();

  /**
   * @param services what the workload objects need; read once the first object is made
   */
  WorkloadRegistry(DBusConnection bus, SystemdManager systemd, Supplier<Agent.Services> services) {
    this.bus = bus;
    this.systemd = systemd;
    this.services = services;
  }

  /** Follows systemd's units, then exports an object for each workload unit loaded now. */
  void start() throws SystemdException {
    subscriptions.add(
        systemd.onUnitPresence(presence -> events.execute(() -> onPresence(presence))));
    subscriptions.add(
        systemd.onUnitChanged(
            change -> {
              if (objects.containsKey(change.unit())) {
                events.execute(() -> onChange(change));
              }
            }));
    for (UnitSummary unit :
        systemd.listUnitsByPatterns(List.of(), List.of(WorkloadRef.UNIT_PATTERN))) {
      Optional<WorkloadRef> ref = WorkloadRef.ofUnit(unit.name());
      if (ref.isPresent() && unit.loadState().equals("loaded")) {
        addLoaded(ref.get());
      }
    }
  }

  /**
   * Exports a workload's object if it has none yet, reading its state from systemd.
   *
   * @throws AgentException if systemd cannot be read or the object cannot be exported
   */
  WorkloadObject add(WorkloadRef ref) throws AgentException {
    WorkloadObject existing = objects.get(ref.unit());
    if (existing != null) {
      return existing;
    }
    try {
      return export(ref, WorkloadState.of(systemd.unit(ref.unit())));
    } catch (SystemdException e) {
      throw new AgentException(
          AgentError.UNIT_FAILED,
          "reading unit of workload '" + ref.name() + "': " + e.getMessage(),
          e);
    }
  }

  /** Returns the one workload a file, unit or name gives. */
  WorkloadRef resolve(String query) throws AgentException {
    return NameResolver.resolve(query, objects.values().stream().map(WorkloadObject::ref).toList());
  }

  /** Returns one row per workload, by name and then file. */
  List<WorkloadRow> rows() {
    return objects.values().stream()
        .sorted(
            Comparator.comparing((WorkloadObject o) -> o.ref().name())
                .thenComparing(o -> o.ref().file()))
        .map(WorkloadRegistry::row)
        .toList();
  }

  /** Returns how many workloads there are. */
  int size() {
    return objects.size();
  }

  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
    events.shutdownNow();
    try {
      events.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onPresence(UnitPresence presence) {
    Optional<WorkloadRef> ref = WorkloadRef.ofUnit(presence.unit());
    if (ref.isEmpty()) {
      return;
    }
    if (presence.kind() == UnitPresence.Kind.UNLOADED) {
      // A start may have loaded the unit again since systemd unloaded it.
      if (!isLoaded(ref.get())) {
        remove(ref.get());
      }
    } else if (!objects.containsKey(presence.unit())) {
      addLoaded(ref.get());
    }
  }

  private boolean isLoaded(WorkloadRef ref) {
    try {
      return systemd.loadedUnit(ref.unit()).isPresent();
    } catch (SystemdException e) {
      LOG.log(System.Logger.Level.WARNING, "reading unit " + ref.unit() + " failed, ignoring", e);
      return false;
    }
  }

  /** Exports an object for a unit systemd has loaded; a unit without a file is no workload. */
  private void addLoaded(WorkloadRef ref) {
    try {
      Optional<UnitState> state = systemd.loadedUnit(ref.unit());
      if (state.isPresent() && state.get().loadState().equals("loaded")) {
        export(ref, WorkloadState.of(state.get()));
      }
    } catch (SystemdException | AgentException e) {
      LOG.log(
          System.Logger.Level.WARNING, "adding workload " + ref.unit() + " failed, ignoring", e);
    }
  }

  private WorkloadObject export(WorkloadRef ref, WorkloadState state) throws AgentException {
    WorkloadObject object;
    synchronized (lock) {
      WorkloadObject existing = objects.get(ref.unit());
      if (existing != null) {
        return existing;
      }
      object = new WorkloadObject(ref, state, services.get());
      try {
        bus.exportObject(ref.objectPath(), object);
      } catch (DBusException e) {
        throw new AgentException(
            AgentError.FAILED,
            "exporting object of workload '" + ref.name() + "': " + e.getMessage(),
            e);
      }
      objects.put(ref.unit(), object);
      announce(new Announcement(ref, true));
    }
    // A change systemd sent while the state was read went to no object: read it once more.
    events.execute(() -> refresh(object));
    LOG.log(System.Logger.Level.DEBUG, "workload {0} at {1}", ref.unit(), ref.objectPath());
    return object;
  }

  private void remove(WorkloadRef ref) {
    synchronized (lock) {
      if (objects.remove(ref.unit()) == null) {
        return;
      }
      bus.unExportObject(ref.objectPath());
      announce(new Announcement(ref, false));
    }
    LOG.log(System.Logger.Level.DEBUG, "workload {0} gone", ref.unit());
  }

  private void onChange(UnitChange change) {
    WorkloadObject object = objects.get(change.unit());
    if (object == null) {
      return;
    }
    if (WorkloadState.invalidatesMirrored(change)) {
      refresh(object);
    } else {
      object.update(object.state().with(change));
    }
  }

  private void refresh(WorkloadObject object) {
    try {
      object.update(
          systemd
              .loadedUnit(object.ref().unit())
              .map(WorkloadState::of)
              .orElse(WorkloadState.unloaded()));
    } catch (SystemdException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "reading unit " + object.ref().unit() + " failed, ignoring",
          e);
    }
  }

  /** A workload that came or went, for WorkloadNew or WorkloadRemoved. */
  private record Announcement(WorkloadRef ref, boolean added) {}

  private void announce(Announcement announcement) {
    WorkloadRef ref = announcement.ref();
    DBusPath path = new DBusPath(ref.objectPath());
    try {
      bus.sendMessage(
          announcement.added()
              ? new WorkloadNew(Agent1Manager.OBJECT_PATH, ref.name(), path)
              : new WorkloadRemoved(Agent1Manager.OBJECT_PATH, ref.name(), path));
    } catch (DBusException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "announcing workload " + ref.unit() + " failed, ignoring",
          e);
    }
  }

  private static WorkloadRow row(WorkloadObject object) {
    WorkloadRef ref = object.ref();
    return new WorkloadRow(
        ref.name(),
        ref.file().toString(),
        ref.unit(),
        object.state().activeState(),
        new DBusPath(ref.objectPath()));
  }
}
