package org.kubeplay.agent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.freedesktop.dbus.types.Variant;

/**
 * Reads a method's {@code a{sv}} options: every key must be one the method knows, with a value of
 * the type it expects.
 */
final class Options {
  /**
   * Most strings in a string-list option. The only one, AutoUpdate's {@code units}, names workload
   * units; a host with more than this many is far beyond what one agent serves.
   */
  static final int MAX_LIST_LENGTH = 4096;

  private final String method;
  private final Map<String, Object> values;

  private Options(String method, Map<String, Object> values) {
    this.method = method;
    this.values = values;
  }

  /**
   * Checks the options of a method against the keys it knows and their D-Bus signatures ({@code b}
   * or {@code as}).
   *
   * @throws AgentException {@link AgentError#INVALID_ARGS} naming the unknown key or the key with a
   *     value of the wrong type
   */
  static Options read(String method, Map<String, Variant<?>> options, Map<String, String> known)
      throws AgentException {
    Map<String, Object> values = new TreeMap<>();
    for (Map.Entry<String, Variant<?>> option : options.entrySet()) {
      String key = option.getKey();
      String expected = known.get(key);
      if (expected == null) {
        throw invalid(
            "unknown option '"
                + key
                + "' for "
                + method
                + ": valid are "
                + String.join(", ", new TreeMap<>(known).keySet()));
      }
      Variant<?> variant = option.getValue();
      if (variant == null || !expected.equals(variant.getSig())) {
        String actual = variant == null ? "nothing" : "'" + variant.getSig() + "'";
        throw invalid(
            "option '"
                + key
                + "' for "
                + method
                + " must have type '"
                + expected
                + "', not "
                + actual);
      }
      values.put(key, plain(method, key, variant.getValue()));
    }
    return new Options(method, values);
  }

  /** Returns a boolean option, or the default when the caller left it out. */
  boolean flag(String key, boolean otherwise) {
    Object value = values.get(key);
    return value == null ? otherwise : (Boolean) value;
  }

  /** Returns a string-list option, or an empty list when the caller left it out. */
  @SuppressWarnings("unchecked")
  List<String> strings(String key) {
    Object value = values.get(key);
    return value == null ? List.of() : (List<String>) value;
  }

  @Override
  public String toString() {
    return method + " options " + values;
  }

  private static Object plain(String method, String key, Object value) throws AgentException {
    if (value instanceof Boolean) {
      return value;
    }
    List<?> list = value instanceof Object[] array ? List.of(array) : (List<?>) value;
    if (list.size() > MAX_LIST_LENGTH) {
      throw invalid(
          "option '" + key + "' for " + method + " has more than " + MAX_LIST_LENGTH + " entries");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static AgentException invalid(String message) {
    return new AgentException(AgentError.INVALID_ARGS, message);
  }
}
