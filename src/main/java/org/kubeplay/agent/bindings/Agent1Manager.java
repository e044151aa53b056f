package org.kubeplay.agent.bindings;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/**
 * The {@code org.kubeplay.Agent1.Manager} interface of kubeplayd's object {@value #OBJECT_PATH}.
 *
 * <p>Method names are the D-Bus member names. See org.kubeplay.Agent1(5) for the contract.
 */
@DBusInterfaceName(Agent1Manager.INTERFACE)
public interface Agent1Manager extends DBusInterface {
  /** The agent's well-known bus name. */
  String BUS_NAME = "org.kubeplay.Agent1";

  /** The interface name. */
  String INTERFACE = "org.kubeplay.Agent1.Manager";

  /** The manager's object path. */
  String OBJECT_PATH = "/org/kubeplay/Agent1";

  /** Plays a YAML file as {@code podman-kube@<escaped path>.service}; options replace, wait. */
  DBusPath Play(String file, Map<String, Variant<?>> options);

  /** Stops a workload given by file, unit or name; option wait. */
  void Stop(String workload, Map<String, Variant<?>> options);

  /** Checks and applies image updates; options dry_run, rollback, units. */
  List<UpdateRow> AutoUpdate(Map<String, Variant<?>> options);

  /** Lists every workload: (name, file, unit, active state, object). */
  List<WorkloadRow> ListWorkloads();

  /** Returns the object of a workload given by file, unit or name. */
  DBusPath GetWorkload(String workload);

  /** Sent when a workload object appears. */
  class WorkloadNew extends DBusSignal {
    private final String name;
    private final DBusPath workload;

    public WorkloadNew(String path, String name, DBusPath workload) throws DBusException {
      super(path, name, workload);
      this.name = name;
      this.workload = workload;
    }

    public String name() {
      return name;
    }

    public String workload() {
      return workload.getPath();
    }
  }

  /** Sent when a workload object goes away, because its unit was unloaded. */
  class WorkloadRemoved extends DBusSignal {
    private final String name;
    private final DBusPath workload;

    public WorkloadRemoved(String path, String name, DBusPath workload) throws DBusException {
      super(path, name, workload);
      this.name = name;
      this.workload = workload;
    }

    public String name() {
      return name;
    }

    public String workload() {
      return workload.getPath();
    }
  }
}
