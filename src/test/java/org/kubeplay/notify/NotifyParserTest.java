package org.kubeplay.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NotifyParserTest {
  static Stream<Arguments> datagrams() {
    return Stream.of(
        Arguments.of("READY=1", List.of(new NotifyMessage.Ready())),
        Arguments.of("READY=1\n", List.of(new NotifyMessage.Ready())),
        Arguments.of("READY=2", List.of()),
        Arguments.of("READY=", List.of()),
        Arguments.of("READY =1", List.of(new NotifyMessage.Unknown("READY ", "1"))),
        Arguments.of("ready=1", List.of(new NotifyMessage.Unknown("ready", "1"))),
        Arguments.of("RELOADING=1", List.of(new NotifyMessage.Reloading())),
        Arguments.of("STOPPING=1", List.of(new NotifyMessage.Stopping())),
        Arguments.of("STATUS=up and serving", List.of(new NotifyMessage.Status("up and serving"))),
        Arguments.of("STATUS=", List.of(new NotifyMessage.Status(""))),
        Arguments.of("STATUS=a=b", List.of(new NotifyMessage.Status("a=b"))),
        Arguments.of("STATUS=Grüße", List.of(new NotifyMessage.Status("Grüße"))),
        Arguments.of("ERRNO=2", List.of(new NotifyMessage.Errno(2))),
        Arguments.of("ERRNO=-1", List.of()),
        Arguments.of("ERRNO=+1", List.of()),
        Arguments.of("ERRNO=99999999999", List.of()),
        Arguments.of(
            "BUSERROR=org.x.Error.Bad", List.of(new NotifyMessage.BusError("org.x.Error.Bad"))),
        Arguments.of("MAINPID=42", List.of(new NotifyMessage.MainPid(42))),
        Arguments.of("MAINPID=abc", List.of()),
        Arguments.of("MAINPID=0", List.of()),
        Arguments.of("MAINPID=2147483648", List.of()),
        Arguments.of("MAINPID= 42", List.of()),
        Arguments.of("MAINPID=٤٢", List.of()),
        Arguments.of("WATCHDOG=1", List.of(new NotifyMessage.Watchdog(WatchdogAction.PING))),
        Arguments.of(
            "WATCHDOG=trigger", List.of(new NotifyMessage.Watchdog(WatchdogAction.TRIGGER))),
        Arguments.of("WATCHDOG=0", List.of()),
        Arguments.of("WATCHDOG_USEC=5000000", List.of(new NotifyMessage.WatchdogUsec(5_000_000))),
        Arguments.of("WATCHDOG_USEC=0", List.of(new NotifyMessage.WatchdogUsec(0))),
        Arguments.of("WATCHDOG_USEC=1e6", List.of()),
        Arguments.of(
            "EXTEND_TIMEOUT_USEC=9223372036854775807",
            List.of(new NotifyMessage.ExtendTimeoutUsec(Long.MAX_VALUE))),
        Arguments.of("EXTEND_TIMEOUT_USEC=9223372036854775808", List.of()),
        Arguments.of("BARRIER=1", List.of(new NotifyMessage.Barrier())),
        Arguments.of("FDSTORE=1", List.of(new NotifyMessage.FdStore())),
        Arguments.of("FDNAME=db", List.of(new NotifyMessage.Unknown("FDNAME", "db"))),
        Arguments.of("X_CUSTOM=", List.of(new NotifyMessage.Unknown("X_CUSTOM", ""))),
        Arguments.of("no equals sign", List.of()),
        Arguments.of("=1", List.of()),
        Arguments.of("", List.of()),
        Arguments.of("\n\n\n", List.of()),
        Arguments.of(
            "READY=1\nSTATUS=ok\nMAINPID=7",
            List.of(
                new NotifyMessage.Ready(),
                new NotifyMessage.Status("ok"),
                new NotifyMessage.MainPid(7))),
        Arguments.of("junk\nREADY=2\nSTATUS=kept", List.of(new NotifyMessage.Status("kept"))),
        Arguments.of("READY=1\r", List.of()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("datagrams")
  void parsesDatagramIntoMessages(String text, List<NotifyMessage> expected) {
    List<NotifyMessage> messages = NotifyParser.parse(text.getBytes(StandardCharsets.UTF_8));

    assertEquals(expected, messages);
  }

  @Test
  void ignoresWholeDatagramWithNulBytes() {
    byte[] payload = "READY=1\0STATUS=x".getBytes(StandardCharsets.US_ASCII);

    assertEquals(List.of(), NotifyParser.parse(payload));
  }

  @Test
  void ignoresLinesThatAreNotUtf8AndKeepsTheOthers() {
    byte[] payload = {
      'S', 'T', 'A', 'T', 'U', 'S', '=', (byte) 0xff, '\n', 'R', 'E', 'A', 'D', 'Y', '=', '1'
    };

    assertEquals(List.of(new NotifyMessage.Ready()), NotifyParser.parse(payload));
  }

  static Stream<NotifyMessage> everyKind() {
    return Stream.of(
        new NotifyMessage.Ready(),
        new NotifyMessage.Reloading(),
        new NotifyMessage.Stopping(),
        new NotifyMessage.Status("s"),
        new NotifyMessage.Errno(5),
        new NotifyMessage.BusError("a.b.C"),
        new NotifyMessage.MainPid(99),
        new NotifyMessage.Watchdog(WatchdogAction.PING),
        new NotifyMessage.Watchdog(WatchdogAction.TRIGGER),
        new NotifyMessage.WatchdogUsec(1),
        new NotifyMessage.ExtendTimeoutUsec(2),
        new NotifyMessage.Barrier(),
        new NotifyMessage.FdStore(),
        new NotifyMessage.Unknown("FDNAME", "x"));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void wireLineParsesBackToTheSameMessage(NotifyMessage message) {
    byte[] line = message.toWire().getBytes(StandardCharsets.UTF_8);

    assertEquals(List.of(message), NotifyParser.parse(line));
  }

  @ParameterizedTest
  @EnumSource(NotifyKey.class)
  void keyRoundTripsThroughItsWireName(NotifyKey key) {
    assertEquals(key, NotifyKey.fromWireName(key.wireName()));
  }

  @ParameterizedTest
  @EnumSource(WatchdogAction.class)
  void watchdogActionRoundTripsThroughItsWireValue(WatchdogAction action) {
    assertEquals(action, WatchdogAction.fromWireValue(action.wireValue()));
  }

  @Test
  void keyLookupRejectsUnknownNameListingValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NotifyKey.fromWireName("Ready"));

    assertEquals(
        "unknown notify key 'Ready', expected one of READY, RELOADING, STOPPING, STATUS, ERRNO,"
            + " BUSERROR, MAINPID, WATCHDOG, WATCHDOG_USEC, EXTEND_TIMEOUT_USEC, BARRIER, FDSTORE",
        e.getMessage());
  }

  @Test
  void watchdogLookupRejectsUnknownValueListingValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WatchdogAction.fromWireValue("2"));

    assertEquals("unknown watchdog value '2', expected one of 1, trigger", e.getMessage());
  }

  @Test
  void statusRejectsNewlineThatWouldSplitItsLine() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new NotifyMessage.Status("a\nREADY=1"));

    assertEquals("status text 'a\nREADY=1' holds a newline or NUL", e.getMessage());
  }
}
