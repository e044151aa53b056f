package org.kubeplay.systemd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Writes unit files for integration tests into the folder systemd's unit path includes. */
final class TestUnits {
  private TestUnits() {}

  /** Returns the folder that KUBEPLAY_TEST_UNIT_DIR names. */
  static Path dir() {
    String dir = System.getenv("KUBEPLAY_TEST_UNIT_DIR");
    if (dir == null || dir.isEmpty()) {
      throw new IllegalStateException("KUBEPLAY_TEST_UNIT_DIR is not set: run in scripts/sandbox");
    }
    return Path.of(dir);
  }

  /** Returns a unit name no other test uses, such as {@code kp-start-3f2a91c0.service}. */
  static String uniqueName(String stem, String type) {
    return "kp-" + stem + "-" + UUID.randomUUID().toString().substring(0, 8) + "." + type;
  }

  /** Writes a unit file; the caller reloads the manager. */
  static void write(String name, String contents) throws IOException {
    Files.writeString(dir().resolve(name), contents);
  }
}
