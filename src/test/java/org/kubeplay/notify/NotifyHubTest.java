package org.kubeplay.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyHubTest {
  private static final Duration LONG = Duration.ofMinutes(5);

  @TempDir Path dir;

  @Test
  void floodFromOneContainerDoesNotStarveAnother() throws Exception {
    try (NotifyHub hub = NotifyHub.start("flood", (container, message) -> {})) {
      NotifyProxy noisy =
          hub.open("noisy", dir.resolve("noisy.sock"), SocketAccess.OWNER_ONLY, LONG);
      NotifyProxy quiet =
          hub.open("quiet", dir.resolve("quiet.sock"), SocketAccess.OWNER_ONLY, LONG);
      AtomicBoolean flooding = new AtomicBoolean(true);
      CompletableFuture<Void> flood =
          CompletableFuture.runAsync(() -> flood(noisy.path(), flooding));

      int exit = TestSockets.systemdNotify(quiet.path(), "--ready");

      flooding.set(false);
      flood.get(10, TimeUnit.SECONDS);
      assertEquals(0, exit);
      assertNull(quiet.readiness().get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void slowListenerBlocksNoSenderAndDropsWhatDoesNotFit() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    NotifyListener stuck = (container, message) -> await(release);
    try (NotifyHub hub = NotifyHub.start("slow", stuck)) {
      NotifyProxy proxy = hub.open("web", dir.resolve("web.sock"), SocketAccess.OWNER_ONLY, LONG);
      NotifyClient client = NotifyClient.to(UnixAddress.of(proxy.path()));

      for (int i = 0; i < NotifyHub.MAX_PENDING_MESSAGES * 2; i++) {
        client.send(new NotifyMessage.Status("step " + i));
      }
      client.barrier(TestSockets.DEADLINE);

      assertTrue(
          hub.droppedMessages() >= NotifyHub.MAX_PENDING_MESSAGES - 1,
          "dropped " + hub.droppedMessages());
      release.countDown();
    }
  }

  @Test
  void closingHubClosesItsProxiesAndRemovesTheirFiles() throws Exception {
    NotifyHub hub = NotifyHub.start("closing", (container, message) -> {});
    NotifyProxy proxy = hub.open("web", dir.resolve("web.sock"), SocketAccess.OWNER_ONLY, LONG);

    hub.close();

    assertTrue(proxy.readiness().isCompletedExceptionally());
    assertTrue(!proxy.path().toFile().exists());
  }

  @Test
  void closedHubRefusesNewProxies() throws IOException {
    NotifyHub hub = NotifyHub.start("closed", (container, message) -> {});
    hub.close();

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> hub.open("web", dir.resolve("web.sock"), SocketAccess.OWNER_ONLY, LONG));

    assertEquals("opening notify proxy of container 'web': hub 'closed' is closed", e.getMessage());
  }

  @Test
  void failedBindNamesTheContainer() throws IOException {
    try (NotifyHub hub = NotifyHub.start("bind", (container, message) -> {})) {
      Path path = dir.resolve("missing").resolve("web.sock");

      IOException e =
          assertThrows(
              IOException.class, () -> hub.open("web", path, SocketAccess.OWNER_ONLY, LONG));

      assertEquals("opening notify proxy of container 'web'", e.getMessage());
      assertEquals(
          "binding notify socket '" + path + "': No such file or directory",
          e.getCause().getMessage());
    }
  }

  private static void flood(Path path, AtomicBoolean flooding) {
    byte[] status = "STATUS=flood".getBytes(StandardCharsets.UTF_8);
    try (DatagramSender sender = DatagramSender.open()) {
      while (flooding.get()) {
        sender.send(UnixAddress.of(path), status);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(TestSockets.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
