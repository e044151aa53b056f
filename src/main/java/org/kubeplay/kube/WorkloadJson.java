package org.kubeplay.kube;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a workload as JSON: records become objects with their components in order, enums their
 * wire names, empty optionals are left out, and a sealed variant says its {@code type}.
 */
public final class WorkloadJson {
  private WorkloadJson() {}

  /** Returns the workload as pretty-printed JSON. */
  public static String toJson(Workload workload) {
    try {
      return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(tree(workload));
    } catch (IOException e) {
      // Only maps, lists, strings, numbers and booleans reach the writer.
      throw new UncheckedIOException("writing workload as JSON", e);
    }
  }

  /** Returns the value as a tree of maps, lists and scalars. */
  static Object tree(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(WorkloadJson::tree).orElse(null);
    }
    if (value instanceof WireName wire) {
      return wire.wireName();
    }
    if (value instanceof Record record) {
      return recordTree(record);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>();
      collection.forEach(item -> list.add(tree(item)));
      return list;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, item) -> sorted.put(String.valueOf(key), tree(item)));
      return sorted;
    }
    return value instanceof Path || value instanceof Enum<?> ? value.toString() : value;
  }

  private static Map<String, Object> recordTree(Record record) {
    Map<String, Object> map = new LinkedHashMap<>();
    Class<?> type = record.getClass();
    if (type.getInterfaces().length > 0 && type.getInterfaces()[0].isSealed()) {
      map.put("type", lowerFirst(type.getSimpleName()));
    }
    for (RecordComponent component : type.getRecordComponents()) {
      Object item = tree(read(component, record));
      if (item != null) {
        map.put(component.getName(), item);
      }
    }
    return map;
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("reading '" + component.getName() + "' of a record", e);
    }
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
