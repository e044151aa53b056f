package org.kubeplay.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyClientTest {
  @TempDir Path dir;

  @Test
  void sendsSeveralKeysInOneDatagram() throws IOException {
    try (NotifySocket socket = NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.OWNER_ONLY)) {
      NotifyClient client =
          NotifyClient.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.path().toString()));

      client.send(
          new NotifyMessage.MainPid(ProcessHandle.current().pid()),
          new NotifyMessage.Ready(),
          new NotifyMessage.Status("2 containers ready"));

      Datagram datagram = TestSockets.receive(socket);
      assertEquals(
          "MAINPID=" + ProcessHandle.current().pid() + "\nREADY=1\nSTATUS=2 containers ready",
          new String(datagram.payload(), StandardCharsets.UTF_8));
      assertEquals(0, datagram.fdCount());
    }
  }

  @Test
  void kernelVouchesForTheSender() throws IOException {
    try (NotifySocket socket = NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.OWNER_ONLY)) {
      NotifyClient.to(UnixAddress.of(socket.path())).send(new NotifyMessage.Ready());

      Datagram datagram = TestSockets.receive(socket);

      assertEquals(
          Optional.of((int) ProcessHandle.current().pid()),
          datagram.credentials().map(Credentials::pid));
    }
  }

  @Test
  void sendsToAbstractAddress() throws IOException {
    String name = "kubeplay-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    int fd = bindAbstract(name);
    try {
      NotifyClient client = NotifyClient.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name));

      client.send(new NotifyMessage.Status("abstract"));

      Pointer buffer = Libc.allocate(64);
      long length = Libc.C.read(fd, buffer, 64);
      byte[] payload = new byte[(int) length];
      buffer.get(0, payload, 0, payload.length);
      assertArrayEquals("STATUS=abstract".getBytes(StandardCharsets.UTF_8), payload);
    } finally {
      Libc.closeQuietly(fd);
    }
  }

  @Test
  void barrierReturnsOnceReceiverClosedTheFd() throws Exception {
    try (NotifySocket socket = NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.OWNER_ONLY)) {
      NotifyClient client = NotifyClient.to(UnixAddress.of(socket.path()));
      CompletableFuture<Datagram> received =
          CompletableFuture.supplyAsync(() -> receiveUnchecked(socket));

      client.barrier(TestSockets.DEADLINE);

      Datagram datagram = received.get();
      assertEquals("BARRIER=1", new String(datagram.payload(), StandardCharsets.UTF_8));
      assertEquals(1, datagram.fdCount());
    }
  }

  @Test
  void barrierTimesOutWhenNobodyReads() throws IOException {
    try (NotifySocket socket = NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.OWNER_ONLY)) {
      NotifyClient client = NotifyClient.to(UnixAddress.of(socket.path()));
      Map<Integer, String> fdsBefore = TestSockets.openFds();

      TimeoutException e =
          assertThrows(TimeoutException.class, () -> client.barrier(Duration.ofMillis(100)));

      assertEquals(
          "waiting for notify socket '"
              + socket.path()
              + "' to acknowledge a barrier: no answer within 100 ms",
          e.getMessage());
      TestSockets.assertNoFdLeftSince(fdsBefore);
    }
  }

  @Test
  void doesNothingWithoutNotifySocket() {
    NotifyClient client = NotifyClient.fromEnvironment(Map.of());

    assertDoesNotThrow(() -> client.send(new NotifyMessage.Ready()));
    assertDoesNotThrow(() -> client.barrier(Duration.ofMillis(1)));
    assertEquals(Optional.empty(), client.address());
  }

  @Test
  void emptyNotifySocketCountsAsUnset() {
    assertEquals(
        Optional.empty(), NotifyClient.fromEnvironment(Map.of("NOTIFY_SOCKET", "")).address());
  }

  @Test
  void rejectsNotifySocketThatIsNeitherPathNorAbstract() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NotifyClient.fromEnvironment(Map.of("NOTIFY_SOCKET", "run/notify")));

    assertEquals(
        "reading NOTIFY_SOCKET: socket address 'run/notify' is neither an absolute path nor an"
            + " '@' abstract name",
        e.getMessage());
  }

  @Test
  void sendingToMissingSocketFailsWithItsPath() {
    NotifyClient client = NotifyClient.to(UnixAddress.of(dir.resolve("gone.sock")));

    IOException e = assertThrows(IOException.class, () -> client.send(new NotifyMessage.Ready()));

    assertEquals(
        "sending to '" + dir.resolve("gone.sock") + "': No such file or directory", e.getMessage());
  }

  @Test
  void refusesDatagramLargerThanManagersRead() {
    NotifyClient client = NotifyClient.to(UnixAddress.of(dir.resolve("n.sock")));
    NotifyMessage status = new NotifyMessage.Status("x".repeat(NotifySocket.MAX_PAYLOAD_BYTES));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> client.send(List.of(status)));

    assertTrue(e.getMessage().startsWith("notify datagram of 4103 bytes exceeds"), e.getMessage());
  }

  private static Datagram receiveUnchecked(NotifySocket socket) {
    try {
      return TestSockets.receive(socket);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int bindAbstract(String name) throws IOException {
    UnixAddress address = new UnixAddress(name, UnixAddress.Kind.ABSTRACT);
    int fd =
        Libc.check(Libc.C.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0), "socket");
    Libc.check(Libc.C.bind(fd, address.toSockaddr(), address.sockaddrLength()), "bind");
    return fd;
  }
}
