package org.kubeplay.engine;

import java.util.Map;
import java.util.regex.Pattern;

/** Checks on the names and values that reach podman's command line. */
final class Names {
  /** Podman's own rule for container, pod, volume and secret names. */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  /** A signal by name (TERM, SIGTERM, SIGRTMIN+3) or number; never an option. */
  private static final Pattern SIGNAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+]*");

  /** Longest name accepted: podman stores names in its database and in cgroup paths. */
  static final int MAX_NAME_LENGTH = 253;

  private Names() {}

  /** Returns the name if podman accepts it as the name of a {@code kind}. */
  static String requireName(String kind, String name) {
    if (name == null || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          kind
              + " name '"
              + name
              + "' must match "
              + NAME
              + " and be at most "
              + MAX_NAME_LENGTH
              + " characters");
    }
    return name;
  }

  /** Returns the image reference if it cannot be mistaken for an option. */
  static String requireImage(String image) {
    if (image == null || image.isEmpty() || image.startsWith("-") || image.matches(".*\\s.*")) {
      throw new IllegalArgumentException("image reference '" + image + "' is not valid");
    }
    return image;
  }

  /** Returns the signal if it is a plain signal name or number. */
  static String requireSignal(String signal) {
    if (signal == null || !SIGNAL.matcher(signal).matches()) {
      throw new IllegalArgumentException("signal '" + signal + "' is not a signal name");
    }
    return signal;
  }

  /** Rejects a label value podman's key=value syntax would split or a line would break. */
  static String requireLabelValue(String what, String value) {
    if (value == null || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a valid label value");
    }
    return value;
  }

  /** Checks every key and value of a label map. */
  static void requireLabels(Map<String, String> labels) {
    labels.forEach(
        (key, value) -> {
          if (key.isEmpty() || key.contains("=") || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("label key '" + key + "' is not valid");
          }
          requireLabelValue("label '" + key + "'", value);
        });
  }
}
