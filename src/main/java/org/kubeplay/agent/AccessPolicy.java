package org.kubeplay.agent;

import java.util.Objects;

/**
 * Decides who may call what, as org.kubeplay.Agent1(5) says: reading is open; uid 0 may do
 * everything; on the system bus other callers need polkit's {@value #MANAGE_ACTION}, on a session
 * bus they must be the bus owner.
 */
final class AccessPolicy {
  /** The polkit action that lets a caller play, stop, restart and update workloads. */
  static final String MANAGE_ACTION = "org.kubeplay.Agent1.manage";

  /** What a call does. */
  enum Access {
    READ,
    MANAGE
  }

  /** The decision before polkit is asked. */
  enum Verdict {
    ALLOW,
    DENY,
    ASK_POLKIT
  }

  /** What polkit answered to CheckAuthorization, or that it could not be asked. */
  enum PolkitAnswer {
    AUTHORIZED,
    /** Not authorized now, but would be after the user authenticates interactively. */
    CHALLENGE,
    NOT_AUTHORIZED,
    UNAVAILABLE
  }

  private final BusKind bus;
  private final long ownerUid;

  /**
   * @param ownerUid the uid kubeplayd runs as, which owns its session bus
   */
  AccessPolicy(BusKind bus, long ownerUid) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.ownerUid = ownerUid;
  }

  /** Decides a call by the caller's uid alone, or says that polkit must decide. */
  Verdict check(Access access, long callerUid) {
    if (access == Access.READ || callerUid == 0) {
      return Verdict.ALLOW;
    }
    if (bus == BusKind.SESSION) {
      return callerUid == ownerUid ? Verdict.ALLOW : Verdict.DENY;
    }
    return Verdict.ASK_POLKIT;
  }

  /** Returns the denial message for a caller the uid check refused. */
  String denial(long callerUid) {
    return "access denied: uid "
        + callerUid
        + " does not own this session bus (uid "
        + ownerUid
        + ")";
  }

  /**
   * Returns the denial message for polkit's answer, or null when it authorizes the caller.
   *
   * @param callerUid the caller, for the message
   */
  static String denial(PolkitAnswer answer, long callerUid) {
    return switch (answer) {
      case AUTHORIZED -> null;
      case CHALLENGE ->
          "access denied: uid "
              + callerUid
              + " must authenticate for '"
              + MANAGE_ACTION
              + "'; call again allowing interactive authorization";
      case NOT_AUTHORIZED ->
          "access denied: polkit does not authorize uid "
              + callerUid
              + " for '"
              + MANAGE_ACTION
              + "'";
      case UNAVAILABLE ->
          "access denied: uid "
              + callerUid
              + " is not root, and polkit, which could authorize '"
              + MANAGE_ACTION
              + "', is not available";
    };
  }
}
