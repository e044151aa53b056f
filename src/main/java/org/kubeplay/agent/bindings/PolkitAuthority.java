package org.kubeplay.agent.bindings;

import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of polkit's {@code org.freedesktop.PolicyKit1.Authority} that kubeplayd calls.
 *
 * @see <a
 *     href="https://www.freedesktop.org/software/polkit/docs/latest/eggdbus-interface-org.freedesktop.PolicyKit1.Authority.html">
 *     org.freedesktop.PolicyKit1.Authority</a>
 */
@DBusInterfaceName("org.freedesktop.PolicyKit1.Authority")
public interface PolkitAuthority extends DBusInterface {
  /** polkit's well-known bus name. */
  String BUS_NAME = "org.freedesktop.PolicyKit1";

  /** The authority's object path. */
  String OBJECT_PATH = "/org/freedesktop/PolicyKit1/Authority";

  /** Flag of CheckAuthorization: the user may be asked to authenticate. */
  int ALLOW_USER_INTERACTION = 1;

  AuthorizationResult CheckAuthorization(
      Subject subject,
      String actionId,
      Map<String, String> details,
      UInt32 flags,
      String cancellationId);

  /** Who asks, {@code (sa{sv})}: kind, e.g. {@code system-bus-name}, and its details. */
  final class Subject extends Struct {
    @Position(0)
    public final String kind;

    @Position(1)
    public final Map<String, Variant<?>> details;

    public Subject(String kind, Map<String, Variant<?>> details) {
      this.kind = kind;
      this.details = details;
    }
  }

  /** polkit's answer, {@code (bba{ss})}. */
  final class AuthorizationResult extends Struct {
    @Position(0)
    public final boolean authorized;

    @Position(1)
    public final boolean challenge;

    @Position(2)
    public final Map<String, String> details;

    public AuthorizationResult(boolean authorized, boolean challenge, Map<String, String> details) {
      this.authorized = authorized;
      this.challenge = challenge;
      this.details = details;
    }
  }
}
