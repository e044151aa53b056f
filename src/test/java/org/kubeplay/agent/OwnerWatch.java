package org.kubeplay.agent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus.NameOwnerChanged;

/**
 * The next connection to take a bus name, learnt from NameOwnerChanged: watch first, then do what
 * makes a daemon take the name, then {@link #await}.
 */
final class OwnerWatch implements AutoCloseable {
  private final CompletableFuture<String> owner = new CompletableFuture<>();
  private final AutoCloseable handler;

  private OwnerWatch(DBusConnection connection, String busName) throws DBusException {
    handler =
        connection.addSigHandler(
            NameOwnerChanged.class,
            signal -> {
              if (signal.name.equals(busName) && !signal.newOwner.isEmpty()) {
                owner.complete(signal.newOwner);
              }
            });
  }

  static OwnerWatch on(DBusConnection connection, String busName) throws DBusException {
    return new OwnerWatch(connection, busName);
  }

  /** The unique name of the new owner, once it has taken the name. */
  String await(Duration deadline) throws Exception {
    return owner.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws Exception {
    handler.close();
  }
}
