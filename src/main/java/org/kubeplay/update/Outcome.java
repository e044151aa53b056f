package org.kubeplay.update;

import java.util.Optional;

/**
 * The value of a task, or why it failed.
 *
 * @param value the value, when it succeeded
 * @param failure a lowercase context chain, when it failed
 */
record Outcome<T>(Optional<T> value, Optional<String> failure) {
  Outcome {
    if (value.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("an outcome is a value or a failure");
    }
  }

  static <T> Outcome<T> of(T value) {
    return new Outcome<>(Optional.of(value), Optional.empty());
  }

  static <T> Outcome<T> failed(String failure) {
    return new Outcome<>(Optional.empty(), Optional.of(failure));
  }
}
