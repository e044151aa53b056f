package org.kubeplay.systemd;

import java.util.Objects;

/**
 * A unit's state, read from its {@code org.freedesktop.systemd1.Unit} properties and, for a
 * service, its {@code org.freedesktop.systemd1.Service} properties.
 *
 * @param id the unit's primary name, e.g. {@code web.service}
 * @param loadState e.g. {@code loaded}, {@code not-found}, {@code bad-setting}, {@code masked}
 * @param activeState the high-level state
 * @param subState the type-specific state, e.g. {@code running}, {@code exited}, {@code dead}
 * @param fragmentPath the unit file, or empty for a unit without one
 * @param result the service's Result, e.g. {@code success}, {@code exit-code}; empty if not a
 *     service
 * @param mainPid the service's main process, 0 if none
 * @param execMainCode how the main process ended, as a SIGCHLD si_code: 1 exited, 2 killed, 3
 *     dumped core; 0 if it has not ended
 * @param execMainStatus the main process's exit status, or the signal that killed it
 * @param statusText the last STATUS= the service sent, or empty
 * @param restarts how often systemd restarted the service automatically
 */
public record UnitState(
    String id,
    String loadState,
    ActiveState activeState,
    String subState,
    String fragmentPath,
    String result,
    long mainPid,
    int execMainCode,
    int execMainStatus,
    String statusText,
    long restarts) {
  public UnitState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(loadState, "loadState");
    Objects.requireNonNull(activeState, "activeState");
    Objects.requireNonNull(subState, "subState");
    Objects.requireNonNull(fragmentPath, "fragmentPath");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(statusText, "statusText");
    if (mainPid < 0 || restarts < 0) {
      throw new IllegalArgumentException(
          "unit '" + id + "': negative MainPID " + mainPid + " or NRestarts " + restarts);
    }
  }
}
