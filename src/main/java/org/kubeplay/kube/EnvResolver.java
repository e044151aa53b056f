package org.kubeplay.kube;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Computes the environment of a container from its env and envFrom entries, looking up ConfigMaps
 * and Secrets in the container's own workload.
 */
public final class EnvResolver {
  /**
   * The namespace a fieldRef to metadata.namespace sees: podman has none, like Kubernetes' default.
   */
  public static final String NAMESPACE = "default";

  private final Workload workload;

  public EnvResolver(Workload workload) {
    this.workload = workload;
  }

  /**
   * Returns the variables in Kubernetes' order: every envFrom source in turn, then env, later
   * entries replacing earlier ones, a literal value's {@code $(NAME)} references expanded with the
   * variables before it. Missing optional sources are skipped.
   */
  public Map<String, String> environment(Pod pod, Container container) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (EnvFrom from : container.envFrom()) {
      entries(from).forEach((key, value) -> environment.put(from.prefix() + key, value));
    }
    for (EnvVar variable : container.env()) {
      Optional<String> value = value(pod, variable.source());
      if (variable.source() instanceof EnvSource.Literal) {
        // As in Kubernetes, a literal value may refer to the variables defined before it.
        value = value.map(text -> VariableExpansion.expand(text, environment));
      }
      value.ifPresent(text -> environment.put(variable.name(), text));
    }
    return environment;
  }

  /** Returns the value of one source, or empty if it refers to a missing optional object. */
  public Optional<String> value(Pod pod, EnvSource source) {
    if (source instanceof EnvSource.Literal literal) {
      return Optional.of(literal.value());
    }
    if (source instanceof EnvSource.KeyRef ref) {
      return ref.source() == SourceKind.CONFIG_MAP
          ? workload.configMap(ref.name()).flatMap(c -> configMapValue(c, ref.key()))
          : workload.secret(ref.name()).flatMap(s -> s.text(ref.key()));
    }
    return Optional.of(field(pod, ((EnvSource.FieldRef) source).fieldPath()));
  }

  private Map<String, String> entries(EnvFrom from) {
    Map<String, String> entries = new LinkedHashMap<>();
    if (from.source() == SourceKind.CONFIG_MAP) {
      workload.configMap(from.name()).ifPresent(c -> entries.putAll(c.data()));
    } else {
      workload
          .secret(from.name())
          .ifPresent(s -> s.data().keySet().forEach(k -> entries.put(k, s.text(k).get())));
    }
    return entries;
  }

  private static Optional<String> configMapValue(ConfigMap configMap, String key) {
    if (configMap.data().containsKey(key)) {
      return Optional.of(configMap.data().get(key));
    }
    return Optional.ofNullable(configMap.binaryData().get(key))
        .map(
            b ->
                new String(Base64.getDecoder().decode(b), java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Resolves a fieldRef; fields kubeplay cannot know (status.podIP...) are empty. */
  private static String field(Pod pod, String fieldPath) {
    if (fieldPath.equals("metadata.name")) {
      return pod.name();
    }
    if (fieldPath.equals("metadata.namespace")) {
      return NAMESPACE;
    }
    Matcher matcher = EnvReader.MAP_FIELD.matcher(fieldPath);
    if (!matcher.matches()) {
      return "";
    }
    Map<String, String> map = matcher.group(1).equals("labels") ? pod.labels() : pod.annotations();
    return map.getOrDefault(matcher.group(2), "");
  }
}
