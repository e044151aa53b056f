package org.kubeplay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The process runner against real programs of the base system. */
class SystemProcessRunnerTest {
  private final SystemProcessRunner runner = new SystemProcessRunner();

  @Test
  void stdinReachesTheProgramAndStdoutComesBack() throws Exception {
    ProcessResult result =
        runner.run(request(List.of("cat"), "hello\0world", Optional.empty(), line -> {}));

    assertEquals(0, result.exitCode());
    assertEquals("hello\0world", result.stdout());
  }

  @Test
  void argumentsAreNeverInterpretedByAShell() throws Exception {
    ProcessResult result =
        runner.run(request(List.of("echo", "$HOME; ls *"), "", Optional.empty(), line -> {}));

    assertEquals("$HOME; ls *\n", result.stdout());
  }

  @Test
  void stderrLinesReachTheListenerAsTheyCome() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    List<String> command = List.of("sh", "-c", "echo one >&2; echo two >&2; exit 4");

    ProcessResult result = runner.run(request(command, "", Optional.empty(), lines::add));

    assertEquals(4, result.exitCode());
    assertEquals(List.of("one", "two"), lines);
    assertEquals("one\ntwo\n", result.stderr());
  }

  @Test
  void programPastItsDeadlineIsKilled() throws Exception {
    long start = System.nanoTime();

    ProcessResult result =
        runner.run(
            request(List.of("sleep", "30"), "", Optional.of(Duration.ofMillis(200)), line -> {}));

    assertTrue(result.timedOut());
    assertEquals(EngineException.NO_EXIT_CODE, result.exitCode());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
  }

  @Test
  void stdoutBeyondTheLimitIsDroppedButRead() throws Exception {
    List<String> command = List.of("head", "-c", "1000000", "/dev/zero");
    ProcessRequest request =
        new ProcessRequest(
            command,
            new byte[0],
            Optional.empty(),
            ProcessRequest.Streams.SEPARATE,
            100,
            line -> {});

    ProcessResult result = runner.run(request);

    assertEquals(0, result.exitCode());
    assertEquals(100, result.stdout().length());
    assertFalse(result.timedOut());
  }

  private static ProcessRequest request(
      List<String> command, String stdin, Optional<Duration> timeout, Consumer<String> lines) {
    return new ProcessRequest(
        command,
        stdin.getBytes(StandardCharsets.UTF_8),
        timeout,
        ProcessRequest.Streams.SEPARATE,
        PodmanEngine.MAX_OUTPUT,
        lines);
  }
}
