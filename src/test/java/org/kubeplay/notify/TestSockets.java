package org.kubeplay.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jnr.ffi.Pointer;

/** Helpers the notify tests share: open fds, raw fds, reading with a deadline, peers. */
final class TestSockets {
  static final Duration DEADLINE = Duration.ofSeconds(10);

  private TestSockets() {}

  /** This process's open fds now, each with what it points at ("pipe:[123]", a path...). */
  static Map<Integer, String> openFds() {
    Map<Integer, String> fds = new TreeMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        try {
          fds.put(
              Integer.valueOf(entry.getFileName().toString()),
              Files.readSymbolicLink(entry).toString());
        } catch (IOException closedMeanwhile) {
          // The listing's own directory fd, or one closed between listing and reading it.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fds;
  }

  /**
   * Fails if a pipe, socket or other kernel object is open now that was not open in {@code before}.
   * New regular files are the JVM's own business: it opens jars lazily as it loads classes, at
   * moments no test controls.
   */
  static void assertNoFdLeftSince(Map<Integer, String> before) {
    Map<Integer, String> left = new TreeMap<>(openFds());
    left.entrySet().removeIf(fd -> fd.getValue().equals(before.get(fd.getKey())));
    left.values().removeIf(target -> target.startsWith("/"));
    assertEquals(Map.of(), left, "fds left open");
  }

  /** Duplicates {@code fd} {@code count} times; the caller closes them. */
  static int[] duplicates(int fd, int count) {
    int[] fds = new int[count];
    for (int i = 0; i < count; i++) {
      fds[i] = Libc.C.dup(fd);
      assertTrue(fds[i] >= 0, "dup failed with errno " + Libc.errno());
    }
    return fds;
  }

  static int[] pipe() throws IOException {
    int[] fds = new int[2];
    Libc.check(Libc.C.pipe2(fds, Libc.O_CLOEXEC), "creating test pipe");
    return fds;
  }

  static void closeAll(int... fds) {
    for (int fd : fds) {
      Libc.closeQuietly(fd);
    }
  }

  /** Whether the read end of a pipe saw its last write end close within the deadline. */
  static boolean hungUp(int readEnd, Duration timeout) {
    Pointer pollfd = Libc.allocate(Libc.POLLFD_SIZE);
    pollfd.putInt(0, readEnd);
    return Libc.C.poll(pollfd, 1, (int) timeout.toMillis()) == 1
        && (pollfd.getShort(6) & Libc.POLLHUP) != 0;
  }

  /** Waits up to the deadline for a datagram on {@code socket} and returns it. */
  static Datagram receive(NotifySocket socket) throws IOException {
    Pointer pollfd = Libc.allocate(Libc.POLLFD_SIZE);
    pollfd.putInt(0, socket.fd());
    pollfd.putShort(4, Libc.POLLIN);
    List<Datagram> received = new ArrayList<>();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (received.isEmpty() && System.nanoTime() < deadline) {
      Libc.C.poll(pollfd, 1, 100);
      socket.receive(received::add);
    }
    if (received.isEmpty()) {
      fail("no datagram on '" + socket.path() + "' within " + DEADLINE);
    }
    return received.get(0);
  }

  /** Sends one crafted datagram to {@code path}. */
  static void send(Path path, byte[] payload, int... fds) throws IOException {
    try (DatagramSender sender = DatagramSender.open()) {
      sender.send(UnixAddress.of(path), payload, fds);
    }
  }

  /** Runs Debian's systemd-notify against {@code socket} and returns its exit code. */
  static int systemdNotify(Path socket, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/systemd-notify"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("NOTIFY_SOCKET", socket.toString());
    Process process = builder.start();
    if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      fail("systemd-notify " + arguments[0] + " did not return within " + DEADLINE);
    }
    return process.exitValue();
  }
}
