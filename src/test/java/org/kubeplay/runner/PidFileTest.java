package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pid file is trusted only when it holds one plausible process id. */
class PidFileTest {
  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "4242|4242",
        "'4242\n'|4242",
        "'  17  '|17",
        "0|",
        "-5|",
        "''|",
        "12ab|",
        "99999999999|",
        "'1\n2'|"
      })
  void readsOnlyAPositiveNumber(String content, Long expected) throws Exception {
    Path file = temp.resolve("c0.pid");
    Files.writeString(file, content);

    OptionalLong pid = ContainerWatch.readPidFile(file);

    assertEquals(expected == null ? OptionalLong.empty() : OptionalLong.of(expected), pid);
  }

  @Test
  void aMissingFileGivesNothing() {
    assertEquals(OptionalLong.empty(), ContainerWatch.readPidFile(temp.resolve("none.pid")));
  }
}
