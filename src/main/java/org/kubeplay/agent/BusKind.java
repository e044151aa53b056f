package org.kubeplay.agent;

/** Which bus kubeplayd serves; it decides who may change workloads. */
public enum BusKind {
  /** The system bus: root, or callers polkit authorizes. */
  SYSTEM,
  /** A user's session bus: its owner. */
  SESSION
}
