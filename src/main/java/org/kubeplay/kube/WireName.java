package org.kubeplay.kube;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant with the exact name it has in YAML, JSON or on the bus. */
public interface WireName {
  /** Returns the name as written in manifests and output. */
  String wireName();

  /**
   * Returns the constant of {@code type} whose wire name is {@code text}.
   *
   * @throws IllegalArgumentException naming the valid values when none matches
   */
  static <E extends Enum<E> & WireName> E lookup(Class<E> type, String text, String what) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wireName().equals(text)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + what + " '" + text + "': valid are " + validValues(type));
  }

  /** Lists the wire names of {@code type}, comma separated, in declaration order. */
  static <E extends Enum<E> & WireName> String validValues(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireName::wireName)
        .collect(Collectors.joining(", "));
  }
}
