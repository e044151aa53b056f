package org.kubeplay.agent;

import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.kubeplay.agent.AccessPolicy.PolkitAnswer;
import org.kubeplay.agent.bindings.PolkitAuthority;
import org.kubeplay.agent.bindings.PolkitAuthority.AuthorizationResult;
import org.kubeplay.agent.bindings.PolkitAuthority.Subject;

/** Asks polkit, on the bus kubeplayd serves, whether a caller may manage workloads. */
final class Polkit {
  private static final System.Logger LOG = System.getLogger(Polkit.class.getName());

  private final DBusConnection bus;

  Polkit(DBusConnection bus) {
    this.bus = bus;
  }

  /**
   * Checks {@value AccessPolicy#MANAGE_ACTION} for the caller's unique bus name; {@link
   * PolkitAnswer#UNAVAILABLE} when polkit is not there or fails.
   *
   * @param interactive whether polkit may ask the user to authenticate
   */
  PolkitAnswer check(String sender, boolean interactive) {
    Subject subject = new Subject("system-bus-name", Map.of("name", new Variant<>(sender)));
    int flags = interactive ? PolkitAuthority.ALLOW_USER_INTERACTION : 0;
    try {
      PolkitAuthority authority =
          bus.getRemoteObject(
              PolkitAuthority.BUS_NAME, PolkitAuthority.OBJECT_PATH, PolkitAuthority.class);
      AuthorizationResult result =
          authority.CheckAuthorization(
              subject, AccessPolicy.MANAGE_ACTION, Map.of(), new UInt32(flags), "");
      if (result.authorized) {
        return PolkitAnswer.AUTHORIZED;
      }
      return result.challenge ? PolkitAnswer.CHALLENGE : PolkitAnswer.NOT_AUTHORIZED;
    } catch (DBusException | DBusExecutionException e) {
      LOG.log(System.Logger.Level.DEBUG, "asking polkit about {0}: {1}", sender, e.getMessage());
      return PolkitAnswer.UNAVAILABLE;
    }
  }
}
