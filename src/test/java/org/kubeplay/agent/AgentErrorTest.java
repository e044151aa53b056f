package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.freedesktop.dbus.connections.AbstractConnection;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AgentErrorTest {
  @ParameterizedTest
  @EnumSource(AgentError.class)
  void wireNameRoundTrips(AgentError error) {
    assertEquals(error, AgentError.fromWireName(error.wireName()));
  }

  @ParameterizedTest
  @EnumSource(AgentError.class)
  void busExceptionIsNamedAsTheWireName(AgentError error) {
    DBusExecutionException bus = BusErrors.toBus(new AgentException(error, "why"));

    // The name dbus-java puts on the error reply.
    String sent =
        AbstractConnection.DOLLAR_PATTERN.matcher(bus.getClass().getName()).replaceAll(".");
    assertEquals(error.wireName(), sent);
    assertEquals("why", bus.getMessage());
  }

  @Test
  void unknownWireNameListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AgentError.fromWireName("x.Y"));

    assertEquals(
        true, e.getMessage().startsWith("unknown agent error 'x.Y': valid are org.kubeplay"));
  }
}
