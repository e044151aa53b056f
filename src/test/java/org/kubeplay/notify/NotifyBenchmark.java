package org.kubeplay.notify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Pointer;

/**
 * Measures the notify proxy against a plain datagram round trip between two sockets of the same
 * process, in one run: STATUS forwarding throughput, and the latency from a READY=1 datagram to the
 * readiness future. Run it with {@code bench/notify/run}.
 */
public final class NotifyBenchmark {
  private static final int ROUND_TRIPS = 20_000;
  private static final int STATUS_MESSAGES = 200_000;
  private static final int READY_RUNS = 500;
  private static final int WARM_UP_DIVISOR = 5;
  private static final Duration LONG = Duration.ofMinutes(5);
  private static final byte[] PING = "STATUS=ping".getBytes(StandardCharsets.UTF_8);

  private final Path dir;
  private final PrintStream out;

  private NotifyBenchmark(Path dir, PrintStream out) {
    this.dir = dir;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("kubeplay-notify-bench");
    try {
      new NotifyBenchmark(dir, System.out).run();
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  private void run() throws Exception {
    roundTrips(ROUND_TRIPS / WARM_UP_DIVISOR);
    statusThroughput(STATUS_MESSAGES / WARM_UP_DIVISOR);
    readyLatencies(READY_RUNS / WARM_UP_DIVISOR);

    long[] roundTrip = roundTrips(ROUND_TRIPS);
    double perStatus = statusThroughput(STATUS_MESSAGES);
    long[] ready = readyLatencies(READY_RUNS);

    double roundTripMedian = median(roundTrip);
    out.printf(
        "plain round trip, two sockets and two threads: median %.1f us, mean %.1f us (%d runs)%n",
        micros(roundTripMedian), micros(mean(roundTrip)), roundTrip.length);
    out.printf(
        "proxy STATUS forwarding: %.0f messages/s, %.1f us each (%d messages)%n",
        1e9 / perStatus, micros(perStatus), STATUS_MESSAGES);
    out.printf(
        "READY=1 to readiness future: median %.1f us, mean %.1f us (%d runs)%n",
        micros(median(ready)), micros(mean(ready)), ready.length);
    out.printf("ratio STATUS time per message / round trip: %.2f%n", perStatus / roundTripMedian);
    out.printf(
        "ratio READY latency / round trip (medians): %.2f%n", median(ready) / roundTripMedian);
  }

  /** Ping-pong between two bound sockets, one echo thread; nanoseconds per round trip. */
  private long[] roundTrips(int count) throws Exception {
    long[] times = new long[count];
    try (NotifySocket a = NotifySocket.bind(dir.resolve("a.sock"), SocketAccess.OWNER_ONLY);
        NotifySocket b = NotifySocket.bind(dir.resolve("b.sock"), SocketAccess.OWNER_ONLY);
        DatagramSender fromA = DatagramSender.open()) {
      Thread echo = new Thread(() -> echo(b, a.path(), count), "echo");
      echo.start();
      UnixAddress toB = UnixAddress.of(b.path());
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        fromA.send(toB, PING);
        awaitDatagram(a);
        times[i] = System.nanoTime() - start;
      }
      echo.join();
    }
    return times;
  }

  private static void echo(NotifySocket socket, Path replyTo, int count) {
    try (DatagramSender sender = DatagramSender.open()) {
      UnixAddress to = UnixAddress.of(replyTo);
      for (int i = 0; i < count; i++) {
        awaitDatagram(socket);
        sender.send(to, PING);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Blocks in poll until a datagram is there, then reads it, as the hub does. */
  private static void awaitDatagram(NotifySocket socket) throws IOException {
    Pointer pollfd = Libc.allocate(Libc.POLLFD_SIZE);
    pollfd.putInt(0, socket.fd());
    pollfd.putShort(4, Libc.POLLIN);
    while (!socket.receive(datagram -> {})) {
      Libc.C.poll(pollfd, 1, -1);
    }
  }

  /** Sends STATUS datagrams to one proxy; nanoseconds per message the listener received. */
  private double statusThroughput(int count) throws Exception {
    AtomicLong received = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    NotifyListener counter =
        (container, message) -> {
          if (received.incrementAndGet() == count) {
            done.countDown();
          }
        };
    try (NotifyHub hub = NotifyHub.start("bench", counter);
        DatagramSender sender = DatagramSender.open()) {
      NotifyProxy proxy =
          hub.open("bench", dir.resolve("status.sock"), SocketAccess.OWNER_ONLY, LONG);
      UnixAddress to = UnixAddress.of(proxy.path());
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        sender.send(to, PING);
      }
      // Dropped messages never reach the listener: count them as arrived, and report them.
      while (!done.await(10, TimeUnit.MILLISECONDS)
          && received.get() + hub.droppedMessages() < count) {}
      long elapsed = System.nanoTime() - start;
      if (hub.droppedMessages() > 0) {
        out.printf("  (%d of %d STATUS messages dropped)%n", hub.droppedMessages(), count);
      }
      return (double) elapsed / received.get();
    }
  }

  /** Opens a proxy per run and sends READY=1; nanoseconds until the future completed. */
  private long[] readyLatencies(int count) throws Exception {
    long[] times = new long[count];
    byte[] ready = "READY=1".getBytes(StandardCharsets.UTF_8);
    try (NotifyHub hub = NotifyHub.start("bench", (container, message) -> {});
        DatagramSender sender = DatagramSender.open()) {
      for (int i = 0; i < count; i++) {
        try (NotifyProxy proxy =
            hub.open("bench", dir.resolve("ready.sock"), SocketAccess.OWNER_ONLY, LONG)) {
          var readiness = proxy.readiness();
          long start = System.nanoTime();
          sender.send(UnixAddress.of(proxy.path()), ready);
          readiness.get(10, TimeUnit.SECONDS);
          times[i] = System.nanoTime() - start;
        }
      }
    }
    return times;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double mean(long[] values) {
    return Arrays.stream(values).average().orElse(0);
  }

  private static double micros(double nanos) {
    return nanos / 1000;
  }
}
