package org.kubeplay.kube;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads env and envFrom entries of a container, recording their references. */
final class EnvReader {
  /** The pod fields a fieldRef can name that kubeplay can resolve. */
  static final Set<String> RESOLVABLE_FIELDS = Set.of("metadata.name", "metadata.namespace");

  /** fieldRef paths that resolve to one label or annotation: metadata.labels['key']. */
  static final Pattern MAP_FIELD = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

  private EnvReader() {}

  static Optional<EnvVar> env(Node node, String path, ReadContext context) {
    Fields fields = Fields.read(node, path, Schemas.ENV_VAR, context.diagnostics());
    Optional<String> name = fields.required("name");
    if (fields.has("value") && fields.has("valueFrom")) {
      fields.error("valueFrom", "value and valueFrom exclude each other");
      return Optional.empty();
    }
    Optional<EnvSource> source =
        fields.has("valueFrom")
            ? fields.object("valueFrom", Schemas.ENV_VAR_SOURCE).flatMap(f -> valueFrom(f, context))
            : Optional.of(new EnvSource.Literal(fields.string("value", "")));
    return name.flatMap(n -> source.map(s -> new EnvVar(n, s)));
  }

  private static Optional<EnvSource> valueFrom(Fields fields, ReadContext context) {
    int sources = count(fields, "configMapKeyRef", "secretKeyRef", "fieldRef");
    if (sources != 1) {
      if (sources > 1 || !fields.written("resourceFieldRef")) {
        fields
            .diagnostics()
            .error(
                fields.node(),
                fields.path(),
                "needs exactly one of configMapKeyRef, secretKeyRef or fieldRef");
      }
      return Optional.empty();
    }
    if (fields.has("fieldRef")) {
      return fields.object("fieldRef", Schemas.FIELD_SELECTOR).flatMap(EnvReader::fieldRef);
    }
    SourceKind kind = fields.has("configMapKeyRef") ? SourceKind.CONFIG_MAP : SourceKind.SECRET;
    String field = kind == SourceKind.CONFIG_MAP ? "configMapKeyRef" : "secretKeyRef";
    return fields.object(field, Schemas.KEY_SELECTOR).flatMap(f -> keyRef(f, kind, context));
  }

  private static Optional<EnvSource> keyRef(Fields fields, SourceKind kind, ReadContext context) {
    Optional<String> name = fields.required("name");
    Optional<String> key = fields.required("key");
    if (name.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    boolean optional = fields.bool("optional", false);
    context.addReference(
        new ReadContext.Reference(
            kind, name.get(), key, optional, fields.value("name").get(), fields.path("name")));
    return Optional.of(new EnvSource.KeyRef(kind, name.get(), key.get(), optional));
  }

  private static Optional<EnvSource> fieldRef(Fields fields) {
    Optional<String> path = fields.required("fieldPath");
    path.filter(p -> !RESOLVABLE_FIELDS.contains(p) && !MAP_FIELD.matcher(p).matches())
        .ifPresent(
            p ->
                fields.warning(
                    "fieldPath",
                    "kubeplay cannot resolve '" + p + "', the variable will be empty"));
    return path.map(EnvSource.FieldRef::new);
  }

  static Optional<EnvFrom> envFrom(Node node, String path, ReadContext context) {
    Fields fields = Fields.read(node, path, Schemas.ENV_FROM, context.diagnostics());
    if (count(fields, "configMapRef", "secretRef") != 1) {
      fields.diagnostics().error(node, path, "needs exactly one of configMapRef or secretRef");
      return Optional.empty();
    }
    SourceKind kind = fields.has("configMapRef") ? SourceKind.CONFIG_MAP : SourceKind.SECRET;
    String field = kind == SourceKind.CONFIG_MAP ? "configMapRef" : "secretRef";
    Optional<Fields> ref = fields.object(field, Schemas.ENV_FROM_REF);
    Optional<String> name = ref.flatMap(r -> r.required("name"));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    boolean optional = ref.get().bool("optional", false);
    context.addReference(
        new ReadContext.Reference(
            kind,
            name.get(),
            Optional.empty(),
            optional,
            ref.get().value("name").get(),
            ref.get().path("name")));
    return Optional.of(new EnvFrom(kind, name.get(), fields.string("prefix", ""), optional));
  }

  static int count(Fields fields, String... names) {
    int count = 0;
    for (String name : names) {
      count += fields.has(name) ? 1 : 0;
    }
    return count;
  }
}
