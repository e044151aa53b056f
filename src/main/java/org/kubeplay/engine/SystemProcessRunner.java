package org.kubeplay.engine;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs programs with {@link ProcessBuilder}, from an argument list and never a shell. */
final class SystemProcessRunner implements ProcessRunner {
  /**
   * Variables through which systemd talks to the supervisor. Podman and conmon must not see them:
   * they would speak to the supervisor's own notify socket or take over its fds.
   */
  private static final List<String> HIDDEN_VARIABLES =
      List.of(
          "NOTIFY_SOCKET",
          "WATCHDOG_PID",
          "WATCHDOG_USEC",
          "LISTEN_PID",
          "LISTEN_FDS",
          "LISTEN_FDNAMES");

  /** How long a killed program gets to end after SIGTERM before it gets SIGKILL. */
  private static final Duration KILL_GRACE = Duration.ofSeconds(2);

  /** How long to wait for output still in the pipes once the program has exited. */
  private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

  @Override
  public ProcessResult run(ProcessRequest request) throws IOException, InterruptedException {
    Process process = start(request);
    Drain stdout = Drain.bytes(process.getInputStream(), request.outputLimit());
    Drain stderr =
        request.streams() == ProcessRequest.Streams.MERGED
            ? Drain.none()
            : Drain.lines(process.getErrorStream(), request);
    try {
      feed(process.getOutputStream(), request.stdin());
      boolean exited = awaitExit(process, request);
      stdout.await(DRAIN_GRACE);
      stderr.await(DRAIN_GRACE);
      int code = exited ? process.exitValue() : EngineException.NO_EXIT_CODE;
      return new ProcessResult(code, stdout.text(), stderr.text(), !exited);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static Process start(ProcessRequest request) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(request.command());
    Map<String, String> environment = builder.environment();
    HIDDEN_VARIABLES.forEach(environment::remove);
    builder.redirectErrorStream(request.streams() == ProcessRequest.Streams.MERGED);
    return builder.start();
  }

  private static void feed(OutputStream stdin, byte[] bytes) {
    try (stdin) {
      stdin.write(bytes);
    } catch (IOException e) {
      // The program closed its stdin early; its exit code and stderr tell why.
    }
  }

  private static boolean awaitExit(Process process, ProcessRequest request)
      throws InterruptedException {
    if (request.timeout().isEmpty()) {
      process.waitFor();
      return true;
    }
    if (process.waitFor(request.timeout().get().toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    process.destroy();
    if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
    return false;
  }

  /** A thread that reads one of a program's output pipes to its end, keeping a bounded part. */
  private static final class Drain {
    private final StringBuilder kept = new StringBuilder();
    private Thread thread;
    private volatile String text = "";

    static Drain none() {
      return new Drain();
    }

    /** Keeps the first {@code limit} bytes and reads the rest to let the program finish. */
    static Drain bytes(InputStream in, int limit) {
      Drain drain = new Drain();
      drain.start(
          () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
              int count;
              while ((count = in.read(buffer)) >= 0) {
                out.write(buffer, 0, Math.min(count, Math.max(0, limit - out.size())));
              }
            } finally {
              drain.text = out.toString(StandardCharsets.UTF_8);
            }
          });
      return drain;
    }

    /** Hands each line to the request's listener and keeps the last ones. */
    static Drain lines(InputStream in, ProcessRequest request) {
      Drain drain = new Drain();
      drain.start(
          () -> {
            BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
              request.stderrLines().accept(line);
              drain.keep(line);
            }
          });
      return drain;
    }

    private void keep(String line) {
      kept.append(line).append('\n');
      // The error that ends a failing command comes last: keep the tail.
      int excess = kept.length() - EngineException.MAX_STDERR_CHARS;
      if (excess > 0) {
        kept.delete(0, excess);
      }
      text = kept.toString();
    }

    private void start(PipeReader reader) {
      thread = new Thread(reader::readQuietly, "podman-output");
      thread.setDaemon(true);
      thread.start();
    }

    void await(Duration deadline) throws InterruptedException {
      if (thread != null) {
        thread.join(deadline.toMillis());
      }
    }

    String text() {
      return text;
    }
  }

  /** Reads a pipe; a failed read ends the drain with what it has. */
  @FunctionalInterface
  private interface PipeReader {
    void read() throws IOException;

    default void readQuietly() {
      try {
        read();
      } catch (IOException e) {
        // The pipe broke because the program was killed; keep what was read.
      }
    }
  }
}
