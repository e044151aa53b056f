package org.kubeplay.agent.bindings;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/** One row of ListWorkloads, {@code (sssso)}: name, file, unit, active state, object. */
public final class WorkloadRow extends Struct {
  @Position(0)
  public final String name;

  @Position(1)
  public final String file;

  @Position(2)
  public final String unit;

  @Position(3)
  public final String activeState;

  @Position(4)
  public final DBusPath object;

  public WorkloadRow(String name, String file, String unit, String activeState, DBusPath object) {
    this.name = name;
    this.file = file;
    this.unit = unit;
    this.activeState = activeState;
    this.object = object;
  }
}
