package org.kubeplay.agent.bindings;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.TypeRef;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusProperty;
import org.freedesktop.dbus.annotations.DBusProperty.Access;
import org.freedesktop.dbus.annotations.PropertiesEmitsChangedSignal.EmitChangeSignal;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The {@code org.kubeplay.Agent1.Workload} interface of each workload's object.
 *
 * <p>The properties are declared here for introspection; the object serves them through its own
 * {@code org.freedesktop.DBus.Properties} implementation.
 */
@DBusInterfaceName(Agent1Workload.INTERFACE)
@DBusProperty(
    name = "Name",
    type = String.class,
    access = Access.READ,
    emitChangeSignal = EmitChangeSignal.CONST)
@DBusProperty(
    name = "File",
    type = String.class,
    access = Access.READ,
    emitChangeSignal = EmitChangeSignal.CONST)
@DBusProperty(
    name = "Unit",
    type = String.class,
    access = Access.READ,
    emitChangeSignal = EmitChangeSignal.CONST)
@DBusProperty(name = "ActiveState", type = String.class, access = Access.READ)
@DBusProperty(name = "SubState", type = String.class, access = Access.READ)
@DBusProperty(name = "Result", type = String.class, access = Access.READ)
@DBusProperty(name = "StatusText", type = String.class, access = Access.READ)
@DBusProperty(name = "MainPID", type = UInt32.class, access = Access.READ)
@DBusProperty(
    name = "Containers",
    type = Agent1Workload.ContainerList.class,
    access = Access.READ,
    emitChangeSignal = EmitChangeSignal.INVALIDATES)
public interface Agent1Workload extends DBusInterface {
  /** The interface name. */
  String INTERFACE = "org.kubeplay.Agent1.Workload";

  /** The prefix of every workload object's path. */
  String PATH_PREFIX = "/org/kubeplay/Agent1/workload";

  /** Stops the workload's unit; option wait. */
  void Stop(Map<String, Variant<?>> options);

  /** Restarts the workload's unit, starting it if it is not running; option wait. */
  void Restart(Map<String, Variant<?>> options);

  /** Checks and applies image updates of this workload; options dry_run, rollback. */
  List<UpdateRow> AutoUpdate(Map<String, Variant<?>> options);

  /** The type of the Containers property, {@code a(sssss)}. */
  interface ContainerList extends TypeRef<List<ContainerRow>> {}
}
