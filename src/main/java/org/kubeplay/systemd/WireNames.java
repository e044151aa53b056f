package org.kubeplay.systemd;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up enum constants by the names systemd uses for them on the bus. */
final class WireNames {
  private WireNames() {}

  /** Returns the constant with the wire name, if there is one. */
  static <E extends Enum<E>> Optional<E> find(
      E[] constants, Function<E, String> wireName, String name) {
    return Arrays.stream(constants).filter(c -> wireName.apply(c).equals(name)).findFirst();
  }

  /**
   * Returns the constant with the wire name.
   *
   * @throws IllegalArgumentException naming the valid values if there is none
   */
  static <E extends Enum<E>> E lookup(
      E[] constants, Function<E, String> wireName, String name, String what) {
    return find(constants, wireName, name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown "
                        + what
                        + " '"
                        + name
                        + "', valid: "
                        + Arrays.stream(constants)
                            .map(wireName)
                            .collect(Collectors.joining(", "))));
  }
}
