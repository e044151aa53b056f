package org.kubeplay.agent;

import org.freedesktop.dbus.DBusCallInfo;
import org.freedesktop.dbus.connections.base.AbstractConnectionBase;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.kubeplay.agent.AccessPolicy.Access;
import org.kubeplay.agent.AccessPolicy.PolkitAnswer;

/** Checks the caller of the method call running on this thread against the access policy. */
final class Authorizer {
  private static final System.Logger LOG = System.getLogger(Authorizer.class.getName());

  /** The message header flag by which a caller allows interactive authorization. */
  static final int ALLOW_INTERACTIVE_AUTHORIZATION = 0x4;

  private final DBusConnection bus;
  private final AccessPolicy policy;
  private final Polkit polkit;

  Authorizer(DBusConnection bus, AccessPolicy policy, Polkit polkit) {
    this.bus = bus;
    this.policy = policy;
    this.polkit = polkit;
  }

  /**
   * Returns if the caller may do this, else throws.
   *
   * @throws AgentException {@link AgentError#ACCESS_DENIED} saying why
   */
  void require(Access access, String what) throws AgentException {
    if (access == Access.READ) {
      return;
    }
    DBusCallInfo call = AbstractConnectionBase.getCallInfo();
    if (call == null) {
      throw new AgentException(AgentError.ACCESS_DENIED, what + ": no caller to check");
    }
    long uid = callerUid(call.getSource());
    String denial =
        switch (policy.check(access, uid)) {
          case ALLOW -> null;
          case DENY -> policy.denial(uid);
          case ASK_POLKIT -> AccessPolicy.denial(askPolkit(call), uid);
        };
    if (denial != null) {
      LOG.log(System.Logger.Level.INFO, "{0} by {1}: {2}", what, call.getSource(), denial);
      throw new AgentException(AgentError.ACCESS_DENIED, what + ": " + denial);
    }
  }

  private PolkitAnswer askPolkit(DBusCallInfo call) {
    boolean interactive = (call.getFlags() & ALLOW_INTERACTIVE_AUTHORIZATION) != 0;
    return polkit.check(call.getSource(), interactive);
  }

  private long callerUid(String sender) throws AgentException {
    try {
      DBus daemon =
          bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
      return daemon.GetConnectionUnixUser(sender).longValue();
    } catch (DBusException | DBusExecutionException e) {
      throw new AgentException(
          AgentError.ACCESS_DENIED,
          "reading the uid of caller '" + sender + "': " + e.getMessage(),
          e);
    }
  }
}
