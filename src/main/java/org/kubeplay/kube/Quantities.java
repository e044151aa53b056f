package org.kubeplay.kube;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Kubernetes resource quantities ({@code 500m}, {@code 1.5}, {@code 128Mi}, {@code 1e3})
 * into millicores or bytes, rounding up as Kubernetes does.
 */
final class Quantities {
  /**
   * Digits and exponent are bounded so that no quantity can make BigDecimal allocate much: 30
   * digits and a 2-digit exponent exceed every real size.
   */
  private static final Pattern QUANTITY =
      Pattern.compile(
          "([+-]?(?:[0-9]{1,30}(?:\\.[0-9]{0,30})?|\\.[0-9]{1,30}))"
              + "((?:[KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]{1,2})?");

  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantities() {}

  /** Returns the quantity in whole millicores, or empty if it does not parse or fit. */
  static Optional<Long> millicores(String text) {
    return parse(text).flatMap(value -> toLong(value.scaleByPowerOfTen(3)));
  }

  /** Returns the quantity in whole bytes, or empty if it does not parse or fit. */
  static Optional<Long> bytes(String text) {
    return parse(text).flatMap(Quantities::toLong);
  }

  /** Returns the quantity in base units, or empty if it is not a non-negative quantity. */
  static Optional<BigDecimal> parse(String text) {
    Matcher matcher = QUANTITY.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(matcher.group(1));
    String suffix = matcher.group(2) == null ? "" : matcher.group(2);
    BigDecimal value =
        SUFFIXES.containsKey(suffix)
            ? number.multiply(SUFFIXES.get(suffix))
            : number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    return value.signum() < 0 ? Optional.empty() : Optional.of(value);
  }

  private static Optional<Long> toLong(BigDecimal value) {
    BigDecimal whole = value.setScale(0, RoundingMode.CEILING);
    return whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        ? Optional.empty()
        : Optional.of(whole.longValueExact());
  }
}
