package org.kubeplay.agent;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.kubeplay.agent.bindings.Agent1Manager;
import org.kubeplay.agent.bindings.UpdateRow;
import org.kubeplay.agent.bindings.WorkloadRow;

/** The manager object at {@value Agent1Manager#OBJECT_PATH}. */
final class ManagerObject implements Agent1Manager, Properties {
  private final Agent.Services services;

  ManagerObject(Agent.Services services) {
    this.services = services;
  }

  @Override
  public DBusPath Play(String file, Map<String, Variant<?>> options) {
    return BusCalls.answer(
        "Play of '" + file + "'",
        () -> new DBusPath(services.workloads().play(file, PlayOptions.from(options))));
  }

  @Override
  public void Stop(String workload, Map<String, Variant<?>> options) {
    BusCalls.answer(
        "Stop of '" + workload + "'",
        () -> services.workloads().stop(workload, JobOptions.from("Stop", options)));
  }

  @Override
  public List<UpdateRow> AutoUpdate(Map<String, Variant<?>> options) {
    return BusCalls.answer("AutoUpdate", () -> services.updates().run(options));
  }

  @Override
  public List<WorkloadRow> ListWorkloads() {
    return BusCalls.answer("ListWorkloads", () -> services.registry().rows());
  }

  @Override
  public DBusPath GetWorkload(String workload) {
    return BusCalls.answer(
        "GetWorkload of '" + workload + "'",
        () -> new DBusPath(services.registry().resolve(workload).objectPath()));
  }

  @Override
  public <A> A Get(String interfaceName, String property) {
    return BusCalls.answer(
        "Get of " + property,
        () -> {
          throw noProperty(property);
        });
  }

  @Override
  public Map<String, Variant<?>> GetAll(String interfaceName) {
    // The manager has no properties; sd-bus answers an empty dictionary too.
    return Map.of();
  }

  @Override
  public <A> void Set(String interfaceName, String property, A value) {
    BusCalls.answer(
        "Set of " + property,
        () -> {
          throw noProperty(property);
        });
  }

  @Override
  public String getObjectPath() {
    return OBJECT_PATH;
  }

  private static AgentException noProperty(String property) {
    return new AgentException(
        AgentError.UNKNOWN_PROPERTY, "no property '" + property + "' on the manager object");
  }
}
