package org.kubeplay.notify;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of the sd_notify protocol that kubeplay knows, with their exact wire names.
 *
 * @see <a href="https://www.freedesktop.org/software/systemd/man/sd_notify.html">sd_notify(3)</a>
 */
public enum NotifyKey {
  READY("READY"),
  RELOADING("RELOADING"),
  STOPPING("STOPPING"),
  STATUS("STATUS"),
  ERRNO("ERRNO"),
  BUSERROR("BUSERROR"),
  MAINPID("MAINPID"),
  WATCHDOG("WATCHDOG"),
  WATCHDOG_USEC("WATCHDOG_USEC"),
  EXTEND_TIMEOUT_USEC("EXTEND_TIMEOUT_USEC"),
  BARRIER("BARRIER"),
  FDSTORE("FDSTORE");

  private static final Map<String, NotifyKey> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(NotifyKey::wireName, Function.identity()));

  private final String wireName;

  NotifyKey(String wireName) {
    this.wireName = wireName;
  }

  /** The key as it appears before the {@code =} of a line. */
  public String wireName() {
    return wireName;
  }

  /** The key with exactly this wire name, or empty: the protocol matches keys exactly. */
  public static Optional<NotifyKey> find(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /** The key with exactly this wire name; rejects any other text, listing the valid ones. */
  public static NotifyKey fromWireName(String wireName) {
    return find(wireName)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown notify key '"
                        + wireName
                        + "', expected one of "
                        + Arrays.stream(values())
                            .map(NotifyKey::wireName)
                            .collect(Collectors.joining(", "))));
  }
}
