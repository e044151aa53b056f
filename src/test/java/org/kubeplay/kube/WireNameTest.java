package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WireNameTest {
  static Stream<Arguments> everyConstant() {
    return Stream.of(
            lookups(SdNotifyPolicy.values(), SdNotifyPolicy::fromWire),
            lookups(AutoUpdatePolicy.values(), AutoUpdatePolicy::fromWire),
            lookups(ExitCodePropagation.values(), ExitCodePropagation::fromWire),
            lookups(RestartPolicy.values(), RestartPolicy::fromWire),
            lookups(PullPolicy.values(), PullPolicy::fromWire),
            lookups(Protocol.values(), Protocol::fromWire),
            lookups(SourceKind.values(), SourceKind::fromWire),
            lookups(HttpScheme.values(), HttpScheme::fromWire),
            lookups(Severity.values(), Severity::fromWire),
            lookups(Kind.values(), Kind::fromWire))
        .flatMap(s -> s);
  }

  private static <E extends WireName> Stream<Arguments> lookups(
      E[] constants, Function<String, E> lookup) {
    return Arrays.stream(constants).map(c -> Arguments.of(c, lookup));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyConstant")
  void wireNameRoundTrips(WireName constant, Function<String, WireName> lookup) {
    assertSame(constant, lookup.apply(constant.wireName()));
  }

  @Test
  void imageIsTheOldNameOfRegistry() {
    assertSame(AutoUpdatePolicy.REGISTRY, AutoUpdatePolicy.fromWire("image"));
  }

  @Test
  void unknownWireNameListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SdNotifyPolicy.fromWire("ready"));

    assertEquals(
        "unknown sdnotify policy 'ready': valid are conmon, container, healthy, ignore",
        e.getMessage());
  }

  @Test
  void kindKnowsItsApiVersion() {
    assertEquals(Kind.DEPLOYMENT, Kind.find("apps/v1", "Deployment").orElseThrow());
    assertEquals(java.util.Optional.empty(), Kind.find("v1", "Deployment"));
  }
}
