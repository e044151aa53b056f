package org.kubeplay.notify;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a {@code WATCHDOG=} line asks for, with its wire value. */
public enum WatchdogAction {
  /** {@code WATCHDOG=1}: the service is alive; restart the watchdog timer. */
  PING("1"),
  /** {@code WATCHDOG=trigger}: the service asks to be treated as if its watchdog expired. */
  TRIGGER("trigger");

  private final String wireValue;

  WatchdogAction(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value after {@code WATCHDOG=}. */
  public String wireValue() {
    return wireValue;
  }

  /** The action with exactly this wire value, or empty. */
  public static Optional<WatchdogAction> find(String wireValue) {
    return Arrays.stream(values()).filter(a -> a.wireValue.equals(wireValue)).findFirst();
  }

  /** The action with exactly this wire value; rejects any other text, listing the valid ones. */
  public static WatchdogAction fromWireValue(String wireValue) {
    return find(wireValue)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown watchdog value '"
                        + wireValue
                        + "', expected one of "
                        + Arrays.stream(values())
                            .map(WatchdogAction::wireValue)
                            .collect(Collectors.joining(", "))));
  }
}
