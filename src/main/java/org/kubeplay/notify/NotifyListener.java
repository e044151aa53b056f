package org.kubeplay.notify;

/**
 * Receives the messages a container sends that its service manager should see: {@code STATUS},
 * {@code WATCHDOG}, {@code EXTEND_TIMEOUT_USEC}, {@code ERRNO} and {@code STOPPING}.
 *
 * <p>Called on the hub's listener thread, one message at a time in the order each container sent
 * them; a slow listener delays only later messages, never a sender.
 */
@FunctionalInterface
public interface NotifyListener {
  /** Handles one message of the container named {@code container}. */
  void onMessage(String container, NotifyMessage message);
}
