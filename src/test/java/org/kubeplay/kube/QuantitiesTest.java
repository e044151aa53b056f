package org.kubeplay.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {
  @ParameterizedTest
  @CsvSource({
    "1, 1000",
    "500m, 500",
    "0.5, 500",
    "1.25, 1250",
    "2k, 2000000",
    "1e-3, 1",
    "100u, 1",
    "0, 0"
  })
  void cpuQuantityIsInMillicoresRoundedUp(String text, long millis) {
    assertEquals(Optional.of(millis), Quantities.millicores(text));
  }

  @ParameterizedTest
  @CsvSource({
    "128Mi, 134217728",
    "1Gi, 1073741824",
    "1G, 1000000000",
    "512, 512",
    "1.5Ki, 1536",
    "1e3, 1000",
    "2E, 2000000000000000000",
    "100m, 1",
    "7Ei, 8070450532247928832",
    "8Ei, -1"
  })
  void memoryQuantityIsInBytesRoundedUp(String text, long bytes) {
    Optional<Long> expected = bytes < 0 ? Optional.empty() : Optional.of(bytes);

    assertEquals(expected, Quantities.bytes(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "12 parsecs",
        "-1",
        "1Xi",
        "1e999",
        "1.2.3",
        "Mi",
        "1234567890123456789012345678901"
      })
  void malformedOrNegativeQuantityIsRefused(String text) {
    assertEquals(Optional.empty(), Quantities.bytes(text));
  }
}
