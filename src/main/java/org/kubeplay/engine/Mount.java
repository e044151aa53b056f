package org.kubeplay.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/** A file system mounted into a container. */
public sealed interface Mount {
  /** The absolute path inside the container. */
  String target();

  /** The value of podman's {@code --mount} option. */
  String mountValue();

  /**
   * A host file, folder or socket bound into the container.
   *
   * @param source the host path, absolute
   * @param target the path inside the container, absolute
   * @param access whether the container may write through the mount
   */
  record Bind(Path source, String target, Access access) implements Mount {
    public Bind {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(access, "access");
      if (!source.isAbsolute()) {
        throw new IllegalArgumentException("bind source '" + source + "' is not absolute");
      }
      requireOptionText("bind source", source.toString());
      requireTarget(target);
    }

    @Override
    public String mountValue() {
      return "type=bind,source=" + source + ",destination=" + target + access.option();
    }
  }

  /**
   * A named podman volume.
   *
   * @param name the volume's name
   * @param target the path inside the container, absolute
   * @param access whether the container may write through the mount
   */
  record Volume(String name, String target, Access access) implements Mount {
    public Volume {
      Names.requireName("volume", name);
      Objects.requireNonNull(access, "access");
      requireTarget(target);
    }

    @Override
    public String mountValue() {
      return "type=volume,source=" + name + ",destination=" + target + access.option();
    }
  }

  /**
   * A fresh tmpfs, as an {@code emptyDir} with {@code medium: Memory}.
   *
   * @param target the path inside the container, absolute
   * @param sizeBytes the tmpfs size limit, when one is set
   */
  record Tmpfs(String target, OptionalLong sizeBytes) implements Mount {
    public Tmpfs {
      Objects.requireNonNull(sizeBytes, "sizeBytes");
      requireTarget(target);
      sizeBytes.ifPresent(
          size -> {
            if (size <= 0) {
              throw new IllegalArgumentException("tmpfs size " + size + " is not positive");
            }
          });
    }

    @Override
    public String mountValue() {
      String size = sizeBytes.isPresent() ? ",tmpfs-size=" + sizeBytes.getAsLong() : "";
      return "type=tmpfs,destination=" + target + size;
    }
  }

  /** Whether a mount is writable from inside the container. */
  enum Access {
    READ_WRITE(""),
    READ_ONLY(",ro=true");

    private final String option;

    Access(String option) {
      this.option = option;
    }

    String option() {
      return option;
    }
  }

  private static void requireTarget(String target) {
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException("mount target '" + target + "' is not absolute");
    }
    requireOptionText("mount target", target);
  }

  /** Podman splits {@code --mount} at commas, so a path must not contain one. */
  private static void requireOptionText(String what, String text) {
    if (text.contains(",") || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(what + " '" + text + "' contains a comma or newline");
    }
  }
}
