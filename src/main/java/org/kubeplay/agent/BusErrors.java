package org.kubeplay.agent;

import org.freedesktop.DBus;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.kubeplay.Agent1;

/** Turns the agent's exceptions into the D-Bus error replies dbus-java sends: the bus boundary. */
final class BusErrors {
  private BusErrors() {}

  /** Returns the exception whose class dbus-java names as the error's D-Bus name. */
  static DBusExecutionException toBus(AgentException e) {
    String message = e.getMessage();
    return switch (e.error()) {
      case INVALID_MANIFEST -> new Agent1.Error.InvalidManifest(message);
      case NO_SUCH_WORKLOAD -> new Agent1.Error.NoSuchWorkload(message);
      case UNIT_FAILED -> new Agent1.Error.UnitFailed(message);
      case ENGINE_FAILED -> new Agent1.Error.EngineFailed(message);
      case BUSY -> new Agent1.Error.Busy(message);
      case ACCESS_DENIED -> new DBus.Error.AccessDenied(message);
      case INVALID_ARGS -> new DBus.Error.InvalidArgs(message);
      case NOT_SUPPORTED -> new DBus.Error.NotSupported(message);
      case PROPERTY_READ_ONLY -> new DBus.Error.PropertyReadOnly(message);
      case UNKNOWN_PROPERTY -> new DBus.Error.UnknownProperty(message);
      case UNKNOWN_INTERFACE -> new DBus.Error.UnknownInterface(message);
      case FAILED -> new DBus.Error.Failed(message);
    };
  }
}
