package org.kubeplay.systemd.bindings;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;

/**
 * The part of systemd's {@code org.freedesktop.systemd1.Manager} interface that kubeplay calls.
 *
 * <p>Method names are the D-Bus member names, which dbus-java sends as they are. The facade calls
 * them by name through {@code callMethodAsync}, whose raw reply keeps the D-Bus error name that
 * dbus-java's proxies drop; dbus-java still reads their signatures here.
 *
 * @see <a href="https://www.freedesktop.org/software/systemd/man/org.freedesktop.systemd1.html">
 *     org.freedesktop.systemd1(5)</a>
 */
@DBusInterfaceName("org.freedesktop.systemd1.Manager")
public interface Systemd1Manager extends DBusInterface {
  /** The manager's well-known bus name. */
  String BUS_NAME = "org.freedesktop.systemd1";

  /** The manager's object path. */
  String OBJECT_PATH = "/org/freedesktop/systemd1";

  DBusPath StartUnit(String name, String mode);

  DBusPath StopUnit(String name, String mode);

  DBusPath RestartUnit(String name, String mode);

  void ResetFailedUnit(String name);

  DBusPath GetUnit(String name);

  DBusPath LoadUnit(String name);

  List<UnitListEntry> ListUnitsByPatterns(List<String> states, List<String> patterns);

  void Subscribe();

  void Reload();

  /** Sent when a unit is loaded into the manager's memory; only to subscribed clients. */
  class UnitNew extends DBusSignal {
    private final String unit;

    public UnitNew(String path, String unit, DBusPath unitPath) throws DBusException {
      super(path, unit, unitPath);
      this.unit = unit;
    }

    public String unit() {
      return unit;
    }
  }

  /** Sent when a unit is unloaded, e.g. once it is inactive and nothing refers to it. */
  class UnitRemoved extends DBusSignal {
    private final String unit;

    public UnitRemoved(String path, String unit, DBusPath unitPath) throws DBusException {
      super(path, unit, unitPath);
      this.unit = unit;
    }

    public String unit() {
      return unit;
    }
  }

  /** Sent when a job ends, whatever its result; only to subscribed clients. */
  class JobRemoved extends DBusSignal {
    private final long id;
    private final String job;
    private final String unit;
    private final String result;

    public JobRemoved(String path, UInt32 id, DBusPath job, String unit, String result)
        throws DBusException {
      super(path, id, job, unit, result);
      this.id = id.longValue();
      this.job = job.getPath();
      this.unit = unit;
      this.result = result;
    }

    public long id() {
      return id;
    }

    public String job() {
      return job;
    }

    public String unit() {
      return unit;
    }

    public String result() {
      return result;
    }
  }
}
