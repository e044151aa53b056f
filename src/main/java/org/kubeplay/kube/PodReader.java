package org.kubeplay.kube;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a PodSpec with its metadata into a {@link Pod}, resolving its annotations. */
final class PodReader {
  /** Longest grace period accepted: a day; longer would only hide a stuck stop. */
  static final long MAX_GRACE_PERIOD_SECONDS = 24 * 60 * 60;

  /** What the containers of one pod share while they are read. */
  static final class Scope {
    final ReadContext context;
    final Set<String> volumeNames;
    final String volumesPath;
    final Map<String, String> hostPorts = new HashMap<>();

    Scope(ReadContext context, Set<String> volumeNames, String volumesPath) {
      this.context = context;
      this.volumeNames = volumeNames;
      this.volumesPath = volumesPath;
    }
  }

  private PodReader() {}

  /**
   * Reads the pod; returns empty when it has no valid container (errors already reported).
   *
   * @param metadatas the object's metadata, then the template's, if any
   */
  static Optional<Pod> read(
      String name,
      Kind kind,
      List<Fields> metadatas,
      Fields spec,
      ObjectReaders.RestartRule rule,
      ReadContext context) {
    List<Volume> volumes = readVolumes(spec, context);
    Scope scope = new Scope(context, names(volumes), spec.path("volumes"));
    List<ContainerReader.Read> containers = readContainers(spec, "containers", scope);
    List<ContainerReader.Read> inits = readContainers(spec, "initContainers", scope);
    checkUniqueNames(Stream.concat(inits.stream(), containers.stream()).toList(), context);
    RestartPolicy restart = restartPolicy(spec, rule);
    Annotations annotations = Annotations.read(metadatas, context.diagnostics());
    Policies policies = new Policies(annotations, names(containers, inits), context);
    if (containers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Pod(
            name,
            kind,
            policies.apply(containers),
            policies.apply(inits),
            volumes,
            restart,
            spec.integer("terminationGracePeriodSeconds", 0, MAX_GRACE_PERIOD_SECONDS)
                .orElse(Pod.DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS),
            spec.bool("hostNetwork", false),
            spec.string("hostname"),
            annotations.podValue(
                ExitCodePropagation.ANNOTATION,
                ExitCodePropagation::fromWire,
                ExitCodePropagation.NONE),
            annotations.values(),
            labels(metadatas)));
  }

  private static List<Volume> readVolumes(Fields spec, ReadContext context) {
    List<Volume> volumes =
        spec.list("volumes", (node, path) -> VolumeReader.read(node, path, context));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < volumes.size(); i++) {
      if (!seen.add(volumes.get(i).name())) {
        spec.error("volumes", "a second volume named '" + volumes.get(i).name() + "'");
      }
    }
    return volumes;
  }

  private static List<ContainerReader.Read> readContainers(Fields spec, String field, Scope scope) {
    if (field.equals("containers") && !spec.has(field)) {
      spec.diagnostics().error(spec.node(), spec.path(field), "required field is missing");
    }
    List<ContainerReader.Read> read =
        spec.list(field, (node, path) -> ContainerReader.read(node, path, scope));
    if (field.equals("containers") && spec.has(field) && read.isEmpty()) {
      spec.error(field, "a pod needs at least one valid container");
    }
    return read;
  }

  private static void checkUniqueNames(List<ContainerReader.Read> all, ReadContext context) {
    Set<String> seen = new HashSet<>();
    for (ContainerReader.Read read : all) {
      if (!seen.add(read.container().name())) {
        read.fields()
            .error(
                "name", "a second container named '" + read.container().name() + "' in this pod");
      }
    }
  }

  private static RestartPolicy restartPolicy(Fields spec, ObjectReaders.RestartRule rule) {
    RestartPolicy policy =
        spec.parsed("restartPolicy", RestartPolicy::fromWire).orElse(rule.fallback());
    if (!rule.allowed().contains(policy)) {
      spec.error(
          "restartPolicy",
          "must be one of "
              + rule.allowed().stream().map(RestartPolicy::wireName).sorted().toList()
              + " here, got '"
              + policy.wireName()
              + "'");
    }
    return policy;
  }

  private static Set<String> names(List<Volume> volumes) {
    Set<String> names = new HashSet<>();
    volumes.forEach(v -> names.add(v.name()));
    return names;
  }

  private static Set<String> names(
      List<ContainerReader.Read> containers, List<ContainerReader.Read> inits) {
    Set<String> names = new HashSet<>();
    Stream.concat(containers.stream(), inits.stream())
        .forEach(r -> names.add(r.container().name()));
    return names;
  }

  private static Map<String, String> labels(List<Fields> metadatas) {
    Map<String, String> labels = new LinkedHashMap<>();
    metadatas.forEach(m -> labels.putAll(m.stringMap("labels")));
    return labels;
  }

  /** The per-container policies of a pod, and the checks they need. */
  private static final class Policies {
    private final Annotations annotations;
    private final ReadContext context;
    private final Map<String, SdNotifyPolicy> notify;
    private final Map<String, AutoUpdatePolicy> update;
    private final Map<String, Optional<String>> authfile;

    Policies(Annotations annotations, Set<String> containers, ReadContext context) {
      this.annotations = annotations;
      this.context = context;
      notify =
          annotations.perContainer(
              SdNotifyPolicy.ANNOTATION,
              SdNotifyPolicy::fromWire,
              SdNotifyPolicy.CONMON,
              containers);
      update =
          annotations.perContainer(
              AutoUpdatePolicy.ANNOTATION,
              AutoUpdatePolicy::fromWire,
              AutoUpdatePolicy.DISABLED,
              containers);
      authfile =
          annotations.perContainer(
              AutoUpdatePolicy.AUTHFILE_ANNOTATION, Optional::of, Optional.empty(), containers);
    }

    List<Container> apply(List<ContainerReader.Read> reads) {
      List<Container> containers = new ArrayList<>();
      for (ContainerReader.Read read : reads) {
        String name = read.container().name();
        Container container =
            read.container().withPolicies(notify.get(name), update.get(name), authfile.get(name));
        checkHealthy(container);
        checkRegistry(container, read.fields());
        containers.add(container);
      }
      return containers;
    }

    private void checkHealthy(Container container) {
      if (container.sdNotify() != SdNotifyPolicy.HEALTHY || container.probes().any()) {
        return;
      }
      Annotations.Entry entry =
          annotations
              .get(SdNotifyPolicy.ANNOTATION + "/" + container.name())
              .or(() -> annotations.get(SdNotifyPolicy.ANNOTATION))
              .orElseThrow();
      context
          .diagnostics()
          .error(
              entry.valueNode(),
              entry.path(),
              "sdnotify policy 'healthy' needs a livenessProbe, readinessProbe or startupProbe on"
                  + " container '"
                  + container.name()
                  + "'");
    }

    private void checkRegistry(Container container, Fields fields) {
      if (container.autoUpdate() == AutoUpdatePolicy.REGISTRY
          && container.qualifiedImage().isEmpty()) {
        fields.error(
            "image",
            "autoupdate policy 'registry' needs a fully qualified image,"
                + " and '"
                + container.image()
                + "' has no registry host nor a short-name alias"
                + " in registries.conf");
      }
    }
  }
}
