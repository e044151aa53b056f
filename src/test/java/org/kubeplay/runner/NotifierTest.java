package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.notify.NotifyClient;
import org.kubeplay.notify.NotifyMessage;
import org.kubeplay.notify.NotifySocket;
import org.kubeplay.notify.SocketAccess;
import org.kubeplay.notify.UnixAddress;

/** What reaches the service manager's socket when the supervisor and its containers speak. */
class NotifierTest {
  @TempDir Path temp;
  private NotifySocket manager;
  private Notifier notifier;

  @BeforeEach
  void bindManagerSocket() throws Exception {
    manager = NotifySocket.bind(temp.resolve("manager.sock"), SocketAccess.OWNER_ONLY);
    notifier = new Notifier(NotifyClient.to(UnixAddress.of(manager.path())));
  }

  @AfterEach
  void close() {
    notifier.close();
    manager.close();
  }

  @Test
  void containerStatusIsPrefixedWithItsName() throws Exception {
    notifier.onMessage("server", new NotifyMessage.Status("warming up"));

    assertEquals("STATUS=server: warming up", receive());
  }

  @Test
  void watchdogExtendTimeoutAndErrnoPassUnchanged() throws Exception {
    notifier.onMessage("server", new NotifyMessage.ExtendTimeoutUsec(5_000_000));
    notifier.onMessage("server", new NotifyMessage.Errno(5));

    assertEquals("EXTEND_TIMEOUT_USEC=5000000", receive());
    assertEquals("ERRNO=5", receive());
  }

  @Test
  void containerStoppingIsNotForwarded() throws Exception {
    notifier.onMessage("server", new NotifyMessage.Stopping());
    notifier.status("marker");

    assertEquals("STATUS=marker", receive());
  }

  @Test
  void readySendsOwnPidReadyAndStatusInOneDatagram() throws Exception {
    notifier.ready("web: 2/2 containers ready");

    String datagram = receive();

    long pid = ProcessHandle.current().pid();
    assertEquals(
        "MAINPID=" + pid + "\nREADY=1\nSTATUS=web: 2/2 containers ready", datagram.strip());
  }

  @Test
  void statusOfSeveralLinesIsSentAsOne() throws Exception {
    notifier.status("pulling: podman exited 125: Trying to pull x...\nError: no registry\n");

    assertEquals(
        "STATUS=pulling: podman exited 125: Trying to pull x... / Error: no registry", receive());
  }

  @Test
  void closeSendsWhatIsQueuedAndLaterMessagesGoNowhere() throws Exception {
    for (int i = 0; i < 50; i++) {
      notifier.status("line " + i);
    }

    // The socket queues only a few datagrams: close waits while the manager reads.
    CompletableFuture<Void> closed = CompletableFuture.runAsync(notifier::close);
    List<String> got = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      got.add(receive());
    }
    closed.get(10, TimeUnit.SECONDS);
    notifier.status("after close");

    assertEquals("STATUS=line 0", got.get(0));
    assertEquals("STATUS=line 49", got.get(49));
    assertFalse(manager.receive(d -> {}), "a message sent after close arrived");
  }

  private String receive() throws Exception {
    List<String> got = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (got.isEmpty() && Instant.now().isBefore(deadline)) {
      if (!manager.receive(d -> got.add(new String(d.payload(), StandardCharsets.UTF_8)))) {
        Thread.onSpinWait();
      }
    }
    assertTrue(!got.isEmpty(), "nothing reached the manager's socket");
    return got.get(0).strip();
  }
}
