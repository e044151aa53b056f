package org.kubeplay.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kubeplay.kube.SourceKind;
import org.kubeplay.kube.VolumeSource;
import org.kubeplay.kube.Workload;

/** Writes the keys of a ConfigMap or Secret volume as files, as a kubelet projects them. */
final class VolumeFiles {
  /** Kubernetes' defaultMode when the volume names none. */
  private static final int DEFAULT_MODE = 0644;

  private final Workload workload;

  VolumeFiles(Workload workload) {
    this.workload = workload;
  }

  /** Writes the volume's files into {@code dir}, which must not exist yet. */
  void write(VolumeSource.Files source, Path dir) throws IOException {
    Map<String, byte[]> keys = keys(source);
    Files.createDirectories(dir);
    int defaultMode = source.defaultMode().orElse(DEFAULT_MODE);
    if (source.items().isEmpty()) {
      for (var entry : keys.entrySet()) {
        writeFile(dir, entry.getKey(), entry.getValue(), defaultMode);
      }
      return;
    }
    for (VolumeSource.KeyToPath item : source.items()) {
      byte[] value = keys.get(item.key());
      if (value != null) {
        writeFile(dir, item.path(), value, item.mode().orElse(defaultMode));
      }
    }
  }

  private Map<String, byte[]> keys(VolumeSource.Files source) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    if (source.source() == SourceKind.CONFIG_MAP) {
      workload
          .configMap(source.name())
          .ifPresent(
              map -> {
                map.data().forEach((k, v) -> keys.put(k, v.getBytes(StandardCharsets.UTF_8)));
                map.binaryData().forEach((k, v) -> keys.put(k, Base64.getDecoder().decode(v)));
              });
    } else {
      workload
          .secret(source.name())
          .ifPresent(secret -> secret.data().keySet().forEach(k -> put(keys, k, secret.bytes(k))));
    }
    return keys;
  }

  private static void put(Map<String, byte[]> keys, String key, Optional<byte[]> value) {
    value.ifPresent(bytes -> keys.put(key, bytes));
  }

  private static void writeFile(Path dir, String relative, byte[] value, int mode)
      throws IOException {
    Path file = dir.resolve(relative).normalize();
    // Validation refuses such paths already; this keeps a write inside the volume regardless.
    if (!file.startsWith(dir)) {
      throw new IOException("volume item path '" + relative + "' leaves the volume");
    }
    Files.createDirectories(file.getParent());
    Files.write(file, value);
    Files.setPosixFilePermissions(file, permissions(mode));
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }
}
