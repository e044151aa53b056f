package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeDirTest {
  @TempDir Path temp;

  @Test
  void sameFileGivesSameFolderUnderXdgRuntimeDir() {
    var env = Map.of("XDG_RUNTIME_DIR", "/run/user/1000");

    var first = RuntimeDir.forWorkload(Path.of("/srv/web.yaml"), env);
    var second = RuntimeDir.forWorkload(Path.of("/srv/web.yaml"), env);

    assertEquals(first, second);
    assertTrue(first.path().startsWith("/run/user/1000/kubeplay"), first.path().toString());
  }

  @Test
  void withoutXdgRuntimeDirItLivesUnderRun() {
    var dir = RuntimeDir.forWorkload(Path.of("/srv/web.yaml"), Map.of());

    assertTrue(dir.path().startsWith("/run/kubeplay"), dir.path().toString());
  }

  @Test
  void differentFilesGetDifferentFolders() {
    var a = RuntimeDir.forWorkload(Path.of("/srv/a.yaml"), Map.of());
    var b = RuntimeDir.forWorkload(Path.of("/srv/b.yaml"), Map.of());

    assertNotEquals(a, b);
  }

  @Test
  void socketPathFitsSunPathForAVeryLongFileName() {
    Path file = Path.of("/srv/" + "x".repeat(200) + "/" + "y".repeat(200) + ".yaml");
    var dir = RuntimeDir.forWorkload(file, Map.of("XDG_RUNTIME_DIR", "/run/user/4294967294"));

    int length = dir.notifySocket(999).toString().getBytes().length;

    assertTrue(length <= 107, "socket path of " + length + " bytes");
  }

  @Test
  void pidFilesOfContainersAreDistinctAndInsideTheFolder() {
    var dir = RuntimeDir.forWorkload(Path.of("/srv/web.yaml"), Map.of());

    assertTrue(dir.pidFile(0).startsWith(dir.path()));
    assertNotEquals(dir.pidFile(0), dir.pidFile(1));
  }

  @Test
  void removeDeletesEverythingAndToleratesAMissingFolder() throws Exception {
    var dir = new RuntimeDir(temp.resolve("w"));
    dir.create();
    Files.createDirectories(dir.volume("web", "config"));
    Files.writeString(dir.volume("web", "config").resolve("a"), "x");

    dir.remove();
    dir.remove();

    assertFalse(Files.exists(dir.path()));
  }
}
