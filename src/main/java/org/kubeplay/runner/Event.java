package org.kubeplay.runner;

/** Something the supervisor reacts to, delivered through its one event queue. */
sealed interface Event {
  /** A container became ready by its sdnotify policy and readiness probe. */
  record Ready(String container) implements Event {}

  /** A container's process ended. */
  record Exited(String container, int exitCode) implements Event {}

  /** A container cannot become ready, for the given reason; it fails the start. */
  record Failed(String container, String reason) implements Event {}

  /** A running container failed its liveness probe as often as the probe allows. */
  record Unhealthy(String container, String reason) implements Event {}

  /** A container's restart delay has passed. */
  record RestartDue(String container) implements Event {}

  /** The service manager, or a person, asked the workload to stop. */
  record StopRequested(String signal) implements Event {}
}
