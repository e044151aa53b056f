package org.kubeplay.agent;

import org.freedesktop.DBus;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** Runs the body of an exported method: the one place where agent errors become D-Bus errors. */
final class BusCalls {
  private static final System.Logger LOG = System.getLogger(BusCalls.class.getName());

  private BusCalls() {}

  /** A method body that may fail with an agent error. */
  interface Body<T> {
    T run() throws AgentException;
  }

  /** A method body without a result. */
  interface VoidBody {
    void run() throws AgentException;
  }

  /** Runs a body and answers its result, or the D-Bus error of its failure. */
  static <T> T answer(String what, Body<T> body) {
    try {
      return body.run();
    } catch (AgentException e) {
      LOG.log(System.Logger.Level.DEBUG, "{0}: {1}", what, e.getMessage());
      throw BusErrors.toBus(e);
    } catch (DBusExecutionException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, what + " failed", e);
      throw new DBus.Error.Failed(what + ": " + e);
    }
  }

  /** Runs a body without a result. */
  static void answer(String what, VoidBody body) {
    answer(
        what,
        () -> {
          body.run();
          return null;
        });
  }
}
