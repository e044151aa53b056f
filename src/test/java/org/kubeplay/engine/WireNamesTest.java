package org.kubeplay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WireNamesTest {
  @ParameterizedTest
  @EnumSource(Protocol.class)
  void protocolRoundTrips(Protocol protocol) {
    assertEquals(protocol, Protocol.fromWireName(protocol.wireName()));
  }

  @ParameterizedTest
  @EnumSource(ExitPolicy.class)
  void exitPolicyRoundTrips(ExitPolicy policy) {
    assertEquals(policy, ExitPolicy.fromWireName(policy.wireName()));
  }

  @ParameterizedTest
  @EnumSource(ContainerState.class)
  void containerStateRoundTrips(ContainerState state) {
    assertEquals(state, ContainerState.fromWireName(state.wireName()));
  }

  @ParameterizedTest
  @EnumSource(PodState.class)
  void podStateRoundTrips(PodState state) {
    assertEquals(state, PodState.fromWireName(state.wireName()));
  }

  @Test
  void kubernetesUpperCaseProtocolIsAccepted() {
    assertEquals(Protocol.SCTP, Protocol.fromWireName("SCTP"));
  }

  @Test
  void unknownProtocolIsRejectedListingTheValidOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Protocol.fromWireName("quic"));

    assertEquals("protocol 'quic' is not one of tcp, udp, sctp", error.getMessage());
  }

  @Test
  void unknownContainerStateIsRejectedListingTheValidOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ContainerState.fromWireName("zombie"));

    assertEquals(
        "container state 'zombie' is not one of configured, created, initialized, running,"
            + " paused, stopping, stopped, exited, removing, unknown",
        error.getMessage());
  }

  @Test
  void unknownExitPolicyIsRejectedListingTheValidOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ExitPolicy.fromWireName("restart"));

    assertEquals("exit policy 'restart' is not one of continue, stop", error.getMessage());
  }

  @Test
  void unknownPodStateIsRejectedListingTheValidOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PodState.fromWireName("running"));

    assertEquals(
        "pod state 'running' is not one of Created, Running, Degraded, Paused, Stopped, Exited,"
            + " Error",
        error.getMessage());
  }
}
