package org.kubeplay.systemd;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Container;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/** Turns dbus-java's values into plain Java ones, so that no dbus-java type leaves the package. */
final class DBusValues {
  private DBusValues() {}

  static Object plain(Object value) {
    if (value instanceof Variant<?> variant) {
      return plain(variant.getValue());
    } else if (value instanceof UInt16 || value instanceof UInt32 || value instanceof UInt64) {
      // UInt64 beyond Long.MAX_VALUE (systemd's "infinity") wraps to -1, its two's complement.
      return ((Number) value).longValue();
    } else if (value instanceof DBusPath path) {
      return path.getPath();
    } else if (value instanceof Container container) {
      return plainList(Arrays.asList(container.getParameters()));
    } else if (value instanceof List<?> list) {
      return plainList(list);
    } else if (value instanceof Map<?, ?> map) {
      return plainMap(map);
    } else if (value != null && value.getClass().isArray()) {
      return plainArray(value);
    }
    return value;
  }

  static Map<String, Object> plainProperties(Map<String, Variant<?>> properties) {
    Map<String, Object> plain = new LinkedHashMap<>();
    properties.forEach((name, value) -> plain.put(name, plain(value)));
    return plain;
  }

  private static List<Object> plainList(List<?> list) {
    List<Object> plain = new ArrayList<>(list.size());
    list.forEach(element -> plain.add(plain(element)));
    return plain;
  }

  private static Map<Object, Object> plainMap(Map<?, ?> map) {
    Map<Object, Object> plain = new LinkedHashMap<>();
    map.forEach((key, element) -> plain.put(plain(key), plain(element)));
    return plain;
  }

  private static Object plainArray(Object array) {
    // Byte arrays (ay) stay as they are; other arrays become lists like D-Bus arrays of objects.
    if (array instanceof byte[]) {
      return array;
    }
    List<Object> plain = new ArrayList<>(Array.getLength(array));
    for (int i = 0; i < Array.getLength(array); i++) {
      plain.add(plain(Array.get(array, i)));
    }
    return plain;
  }
}
