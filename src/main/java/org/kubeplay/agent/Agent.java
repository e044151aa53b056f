package org.kubeplay.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.kubeplay.agent.bindings.Agent1Manager;
import org.kubeplay.engine.PodmanEngine;
import org.kubeplay.kube.WorkloadReader;
import org.kubeplay.systemd.SystemdException;
import org.kubeplay.systemd.SystemdManager;
import org.kubeplay.update.AutoUpdater;
import org.kubeplay.update.RegistryClient;

/**
 * kubeplayd's life: connects, follows systemd, exports the objects and only then takes the bus
 * name, so that a client that sees the name finds every workload; ends when a bus connection is
 * lost.
 */
public final class Agent {
  private static final System.Logger LOG = System.getLogger(Agent.class.getName());

  /**
   * Method calls handled at once. Each Play or Stop with {@code wait} holds a thread until its job
   * ends; the rest serve other callers. 64 threads cost little memory and cover far more workloads
   * starting at once than one host runs.
   */
  public static final int MAX_CONCURRENT_CALLS = 64;

  /** Exit code when a bus connection is lost or the agent cannot start. */
  public static final int EXIT_FAILURE = 1;

  /** What the agent's parts share. */
  record Services(
      DBusConnection bus,
      SystemdManager systemd,
      Authorizer authorizer,
      ContainerRows containers,
      WorkloadRegistry registry,
      Workloads workloads,
      Updates updates) {}

  private final BusKind bus;
  private final BusKind systemdBus;
  private final CountDownLatch lost = new CountDownLatch(1);

  /**
   * @param bus the bus to serve the API on
   * @param systemdBus the bus of the systemd manager to drive: the system manager or the user's
   */
  public Agent(BusKind bus, BusKind systemdBus) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.systemdBus = Objects.requireNonNull(systemdBus, "systemdBus");
  }

  /** Serves until a bus connection is lost; returns the exit code. */
  public int run() {
    try (DBusConnection connection = connect();
        SystemdManager systemd = connectSystemd()) {
      systemd.onDisconnected(lost::countDown);
      Holder holder = new Holder();
      Services services = services(connection, systemd, holder);
      try (WorkloadRegistry registry = services.registry()) {
        registry.start();
        connection.exportObject(Agent1Manager.OBJECT_PATH, new ManagerObject(services));
        connection.requestBusName(Agent1Manager.BUS_NAME);
        LOG.log(
            System.Logger.Level.INFO,
            "serving {0} on the {1} bus, {2} workload(s) loaded",
            Agent1Manager.BUS_NAME,
            bus.name().toLowerCase(Locale.ROOT),
            registry.size());
        lost.await();
      }
      LOG.log(System.Logger.Level.ERROR, "a bus connection was lost: exiting");
      return EXIT_FAILURE;
    } catch (DBusException | SystemdException | IOException e) {
      LOG.log(System.Logger.Level.ERROR, "kubeplayd: " + e.getMessage(), e);
      return EXIT_FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_FAILURE;
    }
  }

  /** Breaks the cycle between the registry and the services it needs. */
  private static final class Holder {
    private Services services;
  }

  private Services services(DBusConnection connection, SystemdManager systemd, Holder holder) {
    AccessPolicy policy = new AccessPolicy(bus, ownUid());
    Authorizer authorizer = new Authorizer(connection, policy, new Polkit(connection));
    WorkloadReader reader = new WorkloadReader();
    PodmanEngine engine = new PodmanEngine();
    ContainerRows containers = new ContainerRows(reader, engine);
    WorkloadRegistry registry = new WorkloadRegistry(connection, systemd, () -> holder.services);
    Workloads workloads = new Workloads(systemd, registry, authorizer, reader);
    Updates updates =
        new Updates(new AutoUpdater(engine, systemd, RegistryClient.fromSystem()), authorizer);
    holder.services =
        new Services(connection, systemd, authorizer, containers, registry, workloads, updates);
    return holder.services;
  }

  private DBusConnection connect() throws DBusException {
    DBusConnectionBuilder builder =
        bus == BusKind.SYSTEM ? DBusConnectionBuilder.forSystemBus() : sessionBus();
    return builder
        .withShared(false)
        .receivingThreadConfig()
        .withMethodCallThreadCount(MAX_CONCURRENT_CALLS)
        .connectionConfig()
        .withDisconnectCallback(new LostListener())
        .build();
  }

  private SystemdManager connectSystemd() throws SystemdException {
    return systemdBus == BusKind.SYSTEM
        ? SystemdManager.connectSystem()
        : SystemdManager.connectUser();
  }

  /** The session bus as sd-bus finds it: DBUS_SESSION_BUS_ADDRESS, else XDG_RUNTIME_DIR/bus. */
  static DBusConnectionBuilder sessionBus() {
    String address = System.getenv("DBUS_SESSION_BUS_ADDRESS");
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    if ((address == null || address.isEmpty()) && runtimeDir != null && !runtimeDir.isEmpty()) {
      return DBusConnectionBuilder.forAddress("unix:path=" + runtimeDir + "/bus");
    }
    return DBusConnectionBuilder.forSessionBus();
  }

  private static long ownUid() {
    try {
      // The owner of /proc/self is the process's effective uid.
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("reading own uid from /proc/self", e);
    }
  }

  /** Ends the agent when its API bus connection breaks. */
  private final class LostListener implements IDisconnectCallback {
    @Override
    public void disconnectOnError(IOException cause) {
      LOG.log(System.Logger.Level.ERROR, "connection to the " + bus + " bus lost", cause);
      lost.countDown();
    }
  }
}
