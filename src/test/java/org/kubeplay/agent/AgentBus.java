package org.kubeplay.agent;

import java.io.IOException;
import java.time.Duration;
import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.kubeplay.agent.bindings.Agent1Manager;

/** A test's own connection to kubeplayd, keeping each reply's D-Bus error name. */
final class AgentBus implements AutoCloseable {
  /** Longest a test waits for any reply: 20 workloads starting at once on two cores. */
  static final Duration REPLY_DEADLINE = Duration.ofMinutes(3);

  private final DBusConnection connection;

  private AgentBus(DBusConnection connection) {
    this.connection = connection;
  }

  /** Connects to the address, e.g. the sandbox's session bus. */
  static AgentBus connect(String address) throws DBusException {
    return new AgentBus(DBusConnectionBuilder.forAddress(address).withShared(false).build());
  }

  /** Connects to the sandbox's session bus. */
  static AgentBus session() throws DBusException {
    return connect(System.getenv("DBUS_SESSION_BUS_ADDRESS"));
  }

  DBusConnection connection() {
    return connection;
  }

  /** A reply: its value, or the error's name and message. */
  record Reply(Object value, String errorName, String message) {
    boolean ok() {
      return errorName == null;
    }
  }

  /** Calls a method of the manager object. */
  Reply manager(String member, Object... args) throws DBusException {
    return call(Agent1Manager.OBJECT_PATH, Agent1Manager.class, member, args);
  }

  /** Calls a method through an interface proxy at a path. */
  <T extends DBusInterface> Reply call(String path, Class<T> type, String member, Object... args)
      throws DBusException {
    T proxy = connection.getRemoteObject(Agent1Manager.BUS_NAME, path, type);
    DBusAsyncReply<?> reply = connection.callMethodAsync(proxy, member, args);
    Message answer = reply.getCall().getReply(REPLY_DEADLINE.toMillis());
    if (answer == null) {
      throw new AssertionError(member + " got no reply within " + REPLY_DEADLINE);
    }
    if (answer instanceof Error error) {
      return new Reply(null, error.getName(), error.getException().getMessage());
    }
    boolean empty = answer.getSig() == null || answer.getSig().isEmpty();
    return new Reply(empty ? null : reply.getReply(), null, null);
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
