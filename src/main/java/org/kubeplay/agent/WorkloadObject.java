package org.kubeplay.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.interfaces.Properties.PropertiesChanged;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.kubeplay.agent.bindings.Agent1Workload;
import org.kubeplay.agent.bindings.ContainerRow;
import org.kubeplay.agent.bindings.UpdateRow;

/**
 * One workload's bus object: its properties mirror its unit, its methods queue jobs on the unit.
 */
final class WorkloadObject implements Agent1Workload, Properties {
  private static final System.Logger LOG = System.getLogger(WorkloadObject.class.getName());

  /** The D-Bus signature of the Containers property. */
  static final String CONTAINERS_SIGNATURE = "a(sssss)";

  private final WorkloadRef ref;
  private final AtomicReference<WorkloadState> state;
  private final Agent.Services services;

  WorkloadObject(WorkloadRef ref, WorkloadState initial, Agent.Services services) {
    this.ref = ref;
    this.state = new AtomicReference<>(initial);
    this.services = services;
  }

  WorkloadRef ref() {
    return ref;
  }

  WorkloadState state() {
    return state.get();
  }

  /**
   * Takes a new state and announces the properties that changed; a change of ActiveState also
   * invalidates Containers, whose ids come and go with the unit.
   */
  void update(WorkloadState next) {
    WorkloadState before = state.getAndSet(next);
    Map<String, Object> changed = next.changedSince(before);
    if (changed.isEmpty()) {
      return;
    }
    Map<String, Variant<?>> values = new LinkedHashMap<>();
    changed.forEach((name, value) -> values.put(name, variant(name, value)));
    List<String> invalidated =
        changed.containsKey("ActiveState") ? List.of("Containers") : List.of();
    emit(values, invalidated);
  }

  @Override
  public void Stop(Map<String, Variant<?>> options) {
    BusCalls.answer(
        "Stop of " + ref.unit(),
        () -> services.workloads().stop(ref, JobOptions.from("Stop", options)));
  }

  @Override
  public void Restart(Map<String, Variant<?>> options) {
    BusCalls.answer(
        "Restart of " + ref.unit(),
        () -> services.workloads().restart(ref, JobOptions.from("Restart", options)));
  }

  @Override
  public List<UpdateRow> AutoUpdate(Map<String, Variant<?>> options) {
    return BusCalls.answer(
        "AutoUpdate of " + ref.unit(), () -> services.updates().run(ref, options));
  }

  @SuppressWarnings("unchecked")
  @Override
  public <A> A Get(String interfaceName, String property) {
    return (A) BusCalls.answer("Get of " + property, () -> property(interfaceName, property));
  }

  @Override
  public Map<String, Variant<?>> GetAll(String interfaceName) {
    return BusCalls.answer(
        "GetAll of " + ref.unit(),
        () -> {
          requireInterface(interfaceName);
          Map<String, Variant<?>> all = new LinkedHashMap<>();
          for (String name : PROPERTY_NAMES) {
            all.put(name, property(interfaceName, name));
          }
          return all;
        });
  }

  @Override
  public <A> void Set(String interfaceName, String property, A value) {
    BusCalls.answer(
        "Set of " + property,
        () -> {
          property(interfaceName, property);
          throw new AgentException(
              AgentError.PROPERTY_READ_ONLY, "property '" + property + "' is read-only");
        });
  }

  @Override
  public String getObjectPath() {
    return ref.objectPath();
  }

  /** Every property, in introspection order. */
  static final List<String> PROPERTY_NAMES =
      List.of(
          "Name",
          "File",
          "Unit",
          "ActiveState",
          "SubState",
          "Result",
          "StatusText",
          "MainPID",
          "Containers");

  private Variant<?> property(String interfaceName, String name) throws AgentException {
    requireInterface(interfaceName);
    return switch (name) {
      case "Name" -> new Variant<>(ref.name());
      case "File" -> new Variant<>(ref.file().toString());
      case "Unit" -> new Variant<>(ref.unit());
      case "Containers" -> containers();
      default -> {
        Object value = state.get().properties().get(name);
        if (value == null) {
          throw new AgentException(
              AgentError.UNKNOWN_PROPERTY,
              "no property '" + name + "' on interface '" + INTERFACE + "'");
        }
        yield variant(name, value);
      }
    };
  }

  private Variant<?> containers() throws AgentException {
    List<ContainerRow> rows = services.containers().of(ref);
    return new Variant<>(rows, CONTAINERS_SIGNATURE);
  }

  private static void requireInterface(String interfaceName) throws AgentException {
    // An empty interface name asks for the property on any interface, as sd-bus allows.
    if (!interfaceName.isEmpty() && !interfaceName.equals(INTERFACE)) {
      throw new AgentException(
          AgentError.UNKNOWN_INTERFACE, "no interface '" + interfaceName + "' with properties");
    }
  }

  private static Variant<?> variant(String name, Object value) {
    return name.equals("MainPID")
        ? new Variant<>(new UInt32((Long) value))
        : new Variant<>((String) value);
  }

  private void emit(Map<String, Variant<?>> values, List<String> invalidated) {
    try {
      DBusSignal signal = new PropertiesChanged(ref.objectPath(), INTERFACE, values, invalidated);
      services.bus().sendMessage(signal);
    } catch (DBusException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "sending PropertiesChanged of " + ref.unit() + " failed, ignoring",
          e);
    }
  }
}
