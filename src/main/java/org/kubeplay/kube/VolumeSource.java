package org.kubeplay.kube;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What backs a pod volume. */
public sealed interface VolumeSource {
  /**
   * A file or directory of the host; {@code type} is Kubernetes' check ("", Directory,
   * DirectoryOrCreate, File, FileOrCreate, Socket, CharDevice, BlockDevice).
   */
  record HostPath(String path, String type) implements VolumeSource {
    public HostPath {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(type, "type");
    }
  }

  /** A fresh directory for the pod's life; {@code medium} is "" or "Memory". */
  record EmptyDir(String medium, Optional<Long> sizeLimitBytes) implements VolumeSource {
    public EmptyDir {
      Objects.requireNonNull(medium, "medium");
      Objects.requireNonNull(sizeLimitBytes, "sizeLimitBytes");
    }
  }

  /**
   * The keys of a ConfigMap or Secret of the same file as files; {@code items} empty means every
   * key under its own name.
   */
  record Files(
      SourceKind source,
      String name,
      List<KeyToPath> items,
      Optional<Integer> defaultMode,
      boolean optional)
      implements VolumeSource {
    public Files {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(name, "name");
      items = List.copyOf(items);
      Objects.requireNonNull(defaultMode, "defaultMode");
    }
  }

  /** A persistent volume claim, which the engine maps to a named volume. */
  record Claim(String claimName, boolean readOnly) implements VolumeSource {
    public Claim {
      Objects.requireNonNull(claimName, "claimName");
    }
  }

  /** One key projected to a relative path, with an optional file mode. */
  record KeyToPath(String key, String path, Optional<Integer> mode) {
    public KeyToPath {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(mode, "mode");
    }
  }
}
