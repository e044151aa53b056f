package org.kubeplay.engine;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the JSON that podman 4.3.1 prints into the engine's records. */
final class PodmanJson {
  private PodmanJson() {}

  /** Reads {@code podman container inspect}: an array with at most one container. */
  static Optional<ContainerInfo> container(String json) throws IOException {
    return first(json).map(PodmanJson::toContainer);
  }

  /** Reads {@code podman container inspect} of several containers. */
  static List<ContainerInfo> containers(String json) throws IOException {
    return objects(json).stream().map(PodmanJson::toContainer).toList();
  }

  /** Reads {@code podman pod inspect}: one object in 4.3.1, an array in later versions. */
  static Optional<PodInfo> pod(String json) throws IOException {
    Object root = JSON.std.anyFrom(json);
    if (root instanceof Map<?, ?> map) {
      return Optional.of(toPod(map));
    }
    return first(json).map(PodmanJson::toPod);
  }

  /** Reads {@code podman image inspect}: an array with at most one image. */
  static Optional<ImageInfo> image(String json) throws IOException {
    return first(json).map(PodmanJson::toImage);
  }

  /** Reads {@code podman image inspect} of several images, in the order asked. */
  static List<ImageInfo> images(String json) throws IOException {
    return objects(json).stream().map(PodmanJson::toImage).toList();
  }

  /** Reads {@code podman pod ps --format json}. */
  static List<PodSummary> podList(String json) throws IOException {
    List<PodSummary> pods = new ArrayList<>();
    for (Map<?, ?> map : objects(json)) {
      pods.add(
          new PodSummary(
              text(map, "Id"),
              text(map, "Name"),
              PodState.fromWireName(text(map, "Status")),
              labels(map)));
    }
    return pods;
  }

  /** Reads {@code podman ps --all --format json}. */
  static List<ContainerSummary> containerList(String json) throws IOException {
    List<ContainerSummary> containers = new ArrayList<>();
    for (Map<?, ?> map : objects(json)) {
      List<String> names = texts(map, "Names");
      containers.add(
          new ContainerSummary(
              text(map, "Id"),
              names.isEmpty() ? "" : names.get(0),
              text(map, "Pod"),
              ContainerState.fromWireName(text(map, "State")),
              Boolean.TRUE.equals(map.get("IsInfra")),
              labels(map)));
    }
    return containers;
  }

  private static ContainerInfo toContainer(Map<?, ?> map) {
    Map<?, ?> state = object(map, "State");
    Map<?, ?> config = object(map, "Config");
    return new ContainerInfo(
        text(map, "Id"),
        text(map, "Name"),
        ContainerState.fromWireName(text(state, "Status")),
        (int) number(state, "ExitCode"),
        number(state, "Pid"),
        text(map, "Image"),
        text(map, "ImageName"),
        text(map, "Pod"),
        labels(config));
  }

  private static PodInfo toPod(Map<?, ?> map) {
    List<PodInfo.Member> members = new ArrayList<>();
    for (Object item : list(map, "Containers")) {
      Map<?, ?> member = (Map<?, ?>) item;
      members.add(
          new PodInfo.Member(
              text(member, "Id"),
              text(member, "Name"),
              ContainerState.fromWireName(text(member, "State"))));
    }
    return new PodInfo(
        text(map, "Id"),
        text(map, "Name"),
        PodState.fromWireName(text(map, "State")),
        text(map, "InfraContainerID"),
        labels(map),
        members);
  }

  private static ImageInfo toImage(Map<?, ?> map) {
    return new ImageInfo(
        text(map, "Id"), text(map, "Digest"), texts(map, "RepoDigests"), texts(map, "RepoTags"));
  }

  private static Optional<Map<?, ?>> first(String json) throws IOException {
    List<Map<?, ?>> all = objects(json);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private static List<Map<?, ?>> objects(String json) throws IOException {
    // Some podman 4.3.1 listings print nothing at all when there is nothing to list.
    if (json.isBlank()) {
      return List.of();
    }
    Object root = JSON.std.anyFrom(json);
    if (root == null) {
      return List.of();
    }
    if (!(root instanceof List<?> items)) {
      throw new IOException("expected a json array, found " + kind(root));
    }
    List<Map<?, ?>> objects = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> map)) {
        throw new IOException("expected json objects in the array, found " + kind(item));
      }
      objects.add(map);
    }
    return objects;
  }

  private static String text(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value == null ? "" : value.toString();
  }

  private static long number(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value instanceof Number number ? number.longValue() : 0;
  }

  private static Map<?, ?> object(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value instanceof Map<?, ?> object ? object : Map.of();
  }

  private static List<?> list(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value instanceof List<?> items ? items : List.of();
  }

  private static List<String> texts(Map<?, ?> map, String key) {
    return list(map, key).stream().map(String::valueOf).toList();
  }

  private static Map<String, String> labels(Map<?, ?> map) {
    Map<String, String> labels = new LinkedHashMap<>();
    object(map, "Labels")
        .forEach((key, value) -> labels.put(key.toString(), String.valueOf(value)));
    return labels;
  }

  private static String kind(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
