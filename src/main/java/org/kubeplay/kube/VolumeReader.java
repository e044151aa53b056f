package org.kubeplay.kube;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one Volume of a PodSpec, recording its ConfigMap and Secret references. */
final class VolumeReader {
  private static final List<String> SOURCES =
      List.of("hostPath", "emptyDir", "configMap", "secret", "persistentVolumeClaim");

  private static final Set<String> HOST_PATH_TYPES =
      Set.of(
          "",
          "DirectoryOrCreate",
          "Directory",
          "FileOrCreate",
          "File",
          "Socket",
          "CharDevice",
          "BlockDevice");

  /** Highest file mode: 0777, the permission bits. */
  private static final int MAX_MODE = 0777;

  private VolumeReader() {}

  static Optional<Volume> read(Node node, String path, ReadContext context) {
    Fields fields = Fields.read(node, path, Schemas.VOLUME, context.diagnostics());
    Optional<String> name =
        fields
            .required("name")
            .filter(
                n ->
                    Names.check(
                        n,
                        Names.Rule.LABEL,
                        fields.value("name").get(),
                        fields.path("name"),
                        context.diagnostics()));
    int sources = EnvReader.count(fields, SOURCES.toArray(String[]::new));
    if (sources != 1) {
      fields
          .diagnostics()
          .error(
              node,
              path,
              "needs exactly one volume source kubeplay"
                  + " supports: "
                  + String.join(", ", SOURCES)
                  + "; found "
                  + sources);
      return Optional.empty();
    }
    return name.flatMap(n -> source(fields, context).map(s -> new Volume(n, s)));
  }

  private static Optional<VolumeSource> source(Fields fields, ReadContext context) {
    if (fields.has("hostPath")) {
      return fields.object("hostPath", Schemas.HOST_PATH).flatMap(VolumeReader::hostPath);
    }
    if (fields.has("emptyDir")) {
      return fields.object("emptyDir", Schemas.EMPTY_DIR).map(VolumeReader::emptyDir);
    }
    if (fields.has("configMap")) {
      return fields
          .object("configMap", Schemas.CONFIG_MAP_VOLUME)
          .flatMap(f -> files(f, SourceKind.CONFIG_MAP, "name", context));
    }
    if (fields.has("secret")) {
      return fields
          .object("secret", Schemas.SECRET_VOLUME)
          .flatMap(f -> files(f, SourceKind.SECRET, "secretName", context));
    }
    return fields
        .object("persistentVolumeClaim", Schemas.CLAIM_VOLUME)
        .flatMap(
            f ->
                f.required("claimName")
                    .map(claim -> new VolumeSource.Claim(claim, f.bool("readOnly", false))));
  }

  private static Optional<VolumeSource> hostPath(Fields fields) {
    Optional<String> path = fields.required("path");
    String type = fields.string("type", "");
    if (!HOST_PATH_TYPES.contains(type)) {
      fields.error("type", "unknown hostPath type '" + type + "'");
    }
    if (path.isPresent() && !path.get().startsWith("/")) {
      fields.error("path", "must be an absolute path, got '" + path.get() + "'");
      return Optional.empty();
    }
    return path.map(p -> new VolumeSource.HostPath(p, type));
  }

  private static VolumeSource emptyDir(Fields fields) {
    String medium = fields.string("medium", "");
    if (!medium.isEmpty() && !medium.equals("Memory")) {
      fields.error("medium", "must be empty or 'Memory', got '" + medium + "'");
    }
    Optional<Long> size =
        fields
            .value("sizeLimit")
            .flatMap(
                node ->
                    ContainerReader.quantity(
                        node, fields.path("sizeLimit"), Quantities::bytes, fields.diagnostics()));
    return new VolumeSource.EmptyDir(medium, size);
  }

  private static Optional<VolumeSource> files(
      Fields fields, SourceKind kind, String nameField, ReadContext context) {
    Optional<String> name = fields.required(nameField);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    boolean optional = fields.bool("optional", false);
    Node at = fields.value(nameField).get();
    context.addReference(
        new ReadContext.Reference(
            kind, name.get(), Optional.empty(), optional, at, fields.path(nameField)));
    List<VolumeSource.KeyToPath> items =
        fields.list(
            "items",
            (node, path) -> {
              Optional<VolumeSource.KeyToPath> item = keyToPath(node, path, fields.diagnostics());
              item.ifPresent(
                  i ->
                      context.addReference(
                          new ReadContext.Reference(
                              kind,
                              name.get(),
                              Optional.of(i.key()),
                              optional,
                              node,
                              path + ".key")));
              return item;
            });
    Optional<Integer> mode = fields.integer("defaultMode", 0, MAX_MODE).map(Long::intValue);
    return Optional.of(new VolumeSource.Files(kind, name.get(), items, mode, optional));
  }

  private static Optional<VolumeSource.KeyToPath> keyToPath(
      Node node, String path, Diagnostics diagnostics) {
    Fields fields = Fields.read(node, path, Schemas.KEY_TO_PATH, diagnostics);
    Optional<String> key = fields.required("key");
    Optional<String> target = fields.required("path");
    if (target.isPresent() && (target.get().startsWith("/") || target.get().contains(".."))) {
      fields.error("path", "must be a relative path without '..', got '" + target.get() + "'");
      return Optional.empty();
    }
    Optional<Integer> mode = fields.integer("mode", 0, MAX_MODE).map(Long::intValue);
    return key.flatMap(k -> target.map(t -> new VolumeSource.KeyToPath(k, t, mode)));
  }
}
