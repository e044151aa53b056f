package org.kubeplay.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyProxyTest {
  private static final Duration LONG = Duration.ofMinutes(5);

  @TempDir Path dir;
  private final RecordingListener listener = new RecordingListener();
  private NotifyHub hub;

  @BeforeEach
  void startHub() throws IOException {
    hub = NotifyHub.start("test", listener);
  }

  @AfterEach
  void closeHub() {
    hub.close();
  }

  @Test
  void systemdNotifyReadyCompletesReadinessAndReturnsOnceBarrierIsClosed() throws Exception {
    NotifyProxy proxy = open("web");

    int exit = TestSockets.systemdNotify(proxy.path(), "--ready");

    assertEquals(0, exit);
    assertNull(proxy.readiness().get(10, TimeUnit.SECONDS));
  }

  @Test
  void systemdNotifyNoBlockReadyCompletesReadiness() throws Exception {
    NotifyProxy proxy = open("web");

    int exit = TestSockets.systemdNotify(proxy.path(), "--no-block", "--ready");

    assertEquals(0, exit);
    assertNull(proxy.readiness().get(10, TimeUnit.SECONDS));
  }

  @Test
  void systemdNotifyStatusReachesListenerWithContainerName() throws Exception {
    NotifyProxy proxy = open("web");

    int exit = TestSockets.systemdNotify(proxy.path(), "--status=serving 3 clients");

    assertEquals(0, exit);
    assertEquals(
        new RecordingListener.Received("web", new NotifyMessage.Status("serving 3 clients")),
        listener.next());
  }

  /** The supervisor's ready line shows what the container said with READY=1: it must be there. */
  @Test
  void readinessCompletesOnlyOnceTheStatusSentWithReadyReachedTheListener() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<NotifyMessage> seen = new CopyOnWriteArrayList<>();
    NotifyListener slow =
        (container, message) -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          seen.add(message);
        };
    try (NotifyHub slowHub = NotifyHub.start("slow", slow)) {
      NotifyProxy proxy =
          slowHub.open("app", dir.resolve("slow.sock"), SocketAccess.OWNER_ONLY, LONG);
      CompletableFuture<List<NotifyMessage>> seenWhenReady =
          proxy.readiness().thenApply(ready -> List.copyOf(seen));

      TestSockets.send(proxy.path(), "READY=1\nSTATUS=warmed up".getBytes(StandardCharsets.UTF_8));

      // The listener holds the STATUS back, so the container cannot count as ready yet.
      assertThrows(TimeoutException.class, () -> seenWhenReady.get(500, TimeUnit.MILLISECONDS));
      release.countDown();
      assertEquals(
          List.of(new NotifyMessage.Status("warmed up")), seenWhenReady.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void containersMainPidNeverGetsThrough() throws Exception {
    NotifyProxy proxy = open("web");

    int exit = TestSockets.systemdNotify(proxy.path(), "--pid=4242", "--status=after pid");

    assertEquals(0, exit);
    // The status was sent in the same datagram after MAINPID, so nothing else came before it.
    assertEquals(new NotifyMessage.Status("after pid"), listener.next().message());
    assertNull(listener.poll());
  }

  @Test
  void forwardsWhatTheManagerShouldSeeInOrder() throws Exception {
    NotifyProxy proxy = open("db");
    String text =
        "STATUS=a\nWATCHDOG=1\nWATCHDOG=trigger\nEXTEND_TIMEOUT_USEC=5\nERRNO=3\nSTOPPING=1"
            + "\nRELOADING=1\nWATCHDOG_USEC=9\nBUSERROR=x.Y\nX_OWN=1\nSTATUS=z";

    TestSockets.send(proxy.path(), text.getBytes(StandardCharsets.UTF_8));

    assertEquals(new NotifyMessage.Status("a"), listener.next().message());
    assertEquals(new NotifyMessage.Watchdog(WatchdogAction.PING), listener.next().message());
    assertEquals(new NotifyMessage.Watchdog(WatchdogAction.TRIGGER), listener.next().message());
    assertEquals(new NotifyMessage.ExtendTimeoutUsec(5), listener.next().message());
    assertEquals(new NotifyMessage.Errno(3), listener.next().message());
    assertEquals(new NotifyMessage.Stopping(), listener.next().message());
    assertEquals(new NotifyMessage.Status("z"), listener.next().message());
  }

  @Test
  void craftedDatagramsLeaveNoFdOpenAndProxyStillWorks() throws Exception {
    warmUp();
    Map<Integer, String> fdsBefore = TestSockets.openFds();
    NotifyProxy proxy = open("web");
    NotifyClient client = NotifyClient.to(UnixAddress.of(proxy.path()));

    sendCraftedDatagrams(proxy.path());
    client.barrier(TestSockets.DEADLINE);

    assertFalse(proxy.readiness().isDone());
    client.send(
        new NotifyMessage.Ready(), new NotifyMessage.Ready(), new NotifyMessage.Status("ok"));
    assertNull(proxy.readiness().get(10, TimeUnit.SECONDS));
    assertEquals(received("warm-up", "many fds"), listener.next());
    assertEquals(received("web", "many fds"), listener.next());
    assertEquals(received("web", "ok"), listener.next());
    assertEquals(0, TestSockets.systemdNotify(proxy.path(), "--ready"));
    proxy.close();
    TestSockets.assertNoFdLeftSince(fdsBefore);
  }

  @Test
  void barrierWithOneFdIsAcknowledgedByClosingIt() throws Exception {
    NotifyProxy proxy = open("web");
    int[] pipe = TestSockets.pipe();

    TestSockets.send(proxy.path(), "BARRIER=1".getBytes(StandardCharsets.UTF_8), pipe[1]);
    Libc.closeQuietly(pipe[1]);

    assertTrue(TestSockets.hungUp(pipe[0], TestSockets.DEADLINE));
    Libc.closeQuietly(pipe[0]);
  }

  @Test
  void sendingAfterCloseFailsAndTheSocketFileIsGone() throws Exception {
    NotifyProxy proxy = open("web");
    proxy.close();
    NotifyClient client = NotifyClient.to(UnixAddress.of(proxy.path()));

    IOException e = assertThrows(IOException.class, () -> client.send(new NotifyMessage.Ready()));

    assertEquals("sending to '" + proxy.path() + "': No such file or directory", e.getMessage());
    assertFalse(Files.exists(proxy.path()));
  }

  @Test
  void readinessFailsWithNameExitCodeAndDetailWhenContainerExits() throws Exception {
    NotifyProxy proxy = open("web");

    proxy.containerExited(3, "last log: cannot bind port 80");

    NotReadyException e = notReady(proxy);
    assertEquals(NotReadyException.Reason.EXITED, e.reason());
    assertEquals(
        "container 'web' exited with code 3 before it was ready: last log: cannot bind port 80",
        e.getMessage());
  }

  @Test
  void readinessFailsWithNameWhenDeadlinePasses() throws Exception {
    NotifyProxy proxy =
        hub.open("slow", dir.resolve("slow.sock"), SocketAccess.OWNER_ONLY, Duration.ofMillis(50));

    NotReadyException e = notReady(proxy);

    assertEquals(NotReadyException.Reason.TIMED_OUT, e.reason());
    assertEquals("container 'slow' sent no READY=1 within 50 ms", e.getMessage());
  }

  @Test
  void readinessFailsWhenProxyClosesFirst() throws Exception {
    NotifyProxy proxy = open("web");

    proxy.close();

    NotReadyException e = notReady(proxy);
    assertEquals(NotReadyException.Reason.CLOSED, e.reason());
    assertEquals(
        "notify proxy of container 'web' closed before the container was ready", e.getMessage());
  }

  @Test
  void exitAfterReadyLeavesReadinessComplete() throws Exception {
    NotifyProxy proxy = open("web");
    TestSockets.systemdNotify(proxy.path(), "--ready");

    proxy.containerExited(0, "");

    assertNull(proxy.readiness().get(10, TimeUnit.SECONDS));
  }

  @Test
  void keepsServingBarriersAfterReady() throws Exception {
    NotifyProxy proxy = open("web");
    assertEquals(0, TestSockets.systemdNotify(proxy.path(), "--ready"));

    int exit = TestSockets.systemdNotify(proxy.path(), "--ready", "--status=still here");

    assertEquals(0, exit);
    assertEquals(new NotifyMessage.Status("still here"), listener.next().message());
  }

  private NotifyProxy open(String container) throws IOException {
    return hub.open(container, dir.resolve(container + ".sock"), SocketAccess.OWNER_ONLY, LONG);
  }

  private static RecordingListener.Received received(String container, String status) {
    return new RecordingListener.Received(container, new NotifyMessage.Status(status));
  }

  private static NotReadyException notReady(NotifyProxy proxy) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> proxy.readiness().get(10, TimeUnit.SECONDS));
    return assertInstanceOf(NotReadyException.class, e.getCause());
  }

  /** Loads every class and library the measured part uses, so they open no fds there. */
  private void warmUp() throws Exception {
    NotifyProxy proxy = open("warm-up");
    sendCraftedDatagrams(proxy.path());
    assertEquals(0, TestSockets.systemdNotify(proxy.path(), "--ready"));
    NotifyClient.to(UnixAddress.of(proxy.path())).barrier(TestSockets.DEADLINE);
    proxy.close();
  }

  private static void sendCraftedDatagrams(Path path) throws IOException {
    TestSockets.send(path, new byte[NotifySocket.MAX_PAYLOAD_BYTES + 1]);
    TestSockets.send(path, new byte[0]);
    TestSockets.send(path, new byte[] {0, 1, 2, (byte) 0xff, '\n', '=', 0});
    TestSockets.send(path, new byte[] {'S', 'T', 'A', 'T', 'U', 'S', '=', (byte) 0xc3});
    TestSockets.send(path, "no equals\nalso none\n=\n".getBytes(StandardCharsets.UTF_8));
    TestSockets.send(path, "READY=2\nMAINPID=abc\nERRNO=-1".getBytes(StandardCharsets.UTF_8));
    int[] pipe = TestSockets.pipe();
    try {
      int[] many = TestSockets.duplicates(pipe[1], NotifySocket.MAX_FDS);
      TestSockets.send(path, "STATUS=many fds".getBytes(StandardCharsets.UTF_8), many);
      TestSockets.closeAll(many);
      int[] two = TestSockets.duplicates(pipe[1], 2);
      TestSockets.send(path, "BARRIER=1".getBytes(StandardCharsets.UTF_8), two);
      TestSockets.closeAll(two);
      int[] stored = TestSockets.duplicates(pipe[1], 3);
      TestSockets.send(path, "FDSTORE=1\nFDNAME=db".getBytes(StandardCharsets.UTF_8), stored);
      TestSockets.closeAll(stored);
      TestSockets.send(path, new byte[NotifySocket.MAX_PAYLOAD_BYTES * 2], pipe[1]);
    } finally {
      TestSockets.closeAll(pipe);
    }
  }
}
