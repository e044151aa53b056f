package org.kubeplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only the exact unit command lines skip picocli; everything else gets its help and errors. */
class UnitCommandsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "run",
        "run --help",
        "run -h",
        "down --help",
        "run a.yaml b.yaml",
        "--user run /srv/web.yaml",
        "play /srv/web.yaml",
        "validate /srv/web.yaml",
        "run -"
      })
  void leavesOtherCommandLinesToPicocli(String line) {
    StringWriter err = new StringWriter();

    Optional<Integer> code = UnitCommands.tryRun(line.split(" "), new PrintWriter(err));

    assertEquals(Optional.empty(), code);
    assertEquals("", err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "bad\0path"})
  void leavesAnEmptyOrImpossiblePathToPicocli(String path) {
    assertEquals(
        Optional.empty(),
        UnitCommands.tryRun(new String[] {"run", path}, new PrintWriter(new StringWriter())));
  }
}
