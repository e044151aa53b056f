package org.kubeplay.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BusLabelsTest {
  @ParameterizedTest
  @CsvSource({
    "'', _",
    "a, a",
    "Az09, Az09",
    "1.service, _31_2eservice",
    "1x-y.service, _31x_2dy_2eservice",
    "dbus.socket, dbus_2esocket",
    "podman-kube@-srv-web.yaml.service, podman_2dkube_40_2dsrv_2dweb_2eyaml_2eservice",
    "a_b, a_5fb",
    "é, _c3_a9",
    "a b/c, a_20b_2fc",
  })
  void encodeEscapesEveryByteButLettersAndNonLeadingDigits(String value, String label) {
    assertEquals(label, BusLabels.encode(value));
    assertEquals(value, BusLabels.decode(label));
  }

  static Stream<String> trickyValues() {
    return Stream.of("", "_", "__", "0", "-", "\\x2d", "日本語 🚀", "srv-web.yaml", "a".repeat(300));
  }

  @ParameterizedTest
  @MethodSource("trickyValues")
  void decodeUndoesEncode(String value) {
    assertEquals(value, BusLabels.decode(BusLabels.encode(value)));
  }

  @ParameterizedTest
  @CsvSource({
    "a_2, invalid escape at 1",
    "a_zz, invalid escape at 1",
    "a-b, unexpected character at 1",
    "1a, unexpected character at 0",
  })
  void decodeRefusesWhatEncodeNeverWrites(String label, String problem) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BusLabels.decode(label));

    assertEquals("decoding bus label '" + label + "': " + problem, e.getMessage());
  }

  @Test
  void decodeRefusesBytesThatAreNotUtf8() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BusLabels.decode("_ff"));

    assertEquals("decoding bus label '_ff': result is not valid UTF-8", e.getMessage());
  }

  @Test
  void objectPathPutsLabelUnderPrefix() {
    String path = BusLabels.objectPath("/org/kubeplay/Agent1/workload", "srv-web.yaml");

    assertEquals("/org/kubeplay/Agent1/workload/srv_2dweb_2eyaml", path);
    assertEquals(
        Optional.of("srv-web.yaml"), BusLabels.idOf("/org/kubeplay/Agent1/workload", path));
  }

  @Test
  void idOfIgnoresPathsThatAreNotDirectChildren() {
    String prefix = "/org/kubeplay/Agent1/workload";

    assertEquals(Optional.empty(), BusLabels.idOf(prefix, "/org/kubeplay/Agent1"));
    assertEquals(Optional.empty(), BusLabels.idOf(prefix, prefix));
    assertEquals(Optional.empty(), BusLabels.idOf(prefix, prefix + "x/a"));
    assertEquals(Optional.empty(), BusLabels.idOf(prefix, prefix + "/a/b"));
  }
}
