package org.kubeplay.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifySocketTest {
  private static final int NOBODY = 65534;

  @TempDir Path dir;

  @Test
  void socketFileIsReadableAndWritableOnlyByItsOwner() throws IOException {
    try (NotifySocket socket = NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.OWNER_ONLY)) {
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.path())));
    }
  }

  @Test
  void socketFileBelongsToTheContainersUserWhenAsked() throws IOException {
    try (NotifySocket socket =
        NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.forUser(NOBODY, NOBODY))) {
      assertEquals(NOBODY, Files.getAttribute(socket.path(), "unix:uid"));
      assertEquals(NOBODY, Files.getAttribute(socket.path(), "unix:gid"));
    }
  }

  @Test
  void onlyTheGivenUserCanSendAmongUnprivilegedOnes() throws Exception {
    // nobody must be able to reach the socket file through the test's folder.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    try (NotifySocket owned =
            NotifySocket.bind(dir.resolve("owned.sock"), SocketAccess.forUser(NOBODY, NOBODY));
        NotifySocket other =
            NotifySocket.bind(dir.resolve("other.sock"), SocketAccess.OWNER_ONLY)) {
      assertEquals(0, sendAsNobody(owned.path()));
      assertTrue(sendAsNobody(other.path()) != 0);
    }
  }

  @Test
  void replacesStaleSocketFile() throws IOException {
    Path path = dir.resolve("n.sock");
    NotifySocket stale = NotifySocket.bind(path, SocketAccess.OWNER_ONLY);
    try (NotifySocket fresh = NotifySocket.bind(path, SocketAccess.OWNER_ONLY)) {
      stale.close();

      TestSockets.send(path, "STATUS=fresh".getBytes(StandardCharsets.UTF_8));

      assertEquals(
          "STATUS=fresh", new String(TestSockets.receive(fresh).payload(), StandardCharsets.UTF_8));
    }
    assertFalse(Files.exists(path, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void refusesToReplaceFileThatIsNoSocket() throws IOException {
    Path path = Files.writeString(dir.resolve("n.sock"), "data");

    IOException e =
        assertThrows(IOException.class, () -> NotifySocket.bind(path, SocketAccess.OWNER_ONLY));

    assertEquals(
        "binding notify socket '" + path + "': a file that is no socket is there", e.getMessage());
    assertEquals("data", Files.readString(path));
  }

  @Test
  void bindFailureNamesThePath() {
    Path path = dir.resolve("missing").resolve("n.sock");

    IOException e =
        assertThrows(IOException.class, () -> NotifySocket.bind(path, SocketAccess.OWNER_ONLY));

    assertEquals("binding notify socket '" + path + "': No such file or directory", e.getMessage());
  }

  @Test
  void dropsOversizedDatagramAndClosesItsFds() throws IOException {
    try (NotifySocket socket = NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.OWNER_ONLY)) {
      int[] pipe = TestSockets.pipe();
      byte[] oversized = new byte[NotifySocket.MAX_PAYLOAD_BYTES + 1];
      TestSockets.send(socket.path(), oversized, pipe[1]);
      Libc.closeQuietly(pipe[1]);
      List<Datagram> delivered = new ArrayList<>();

      boolean read = socket.receive(delivered::add);

      assertTrue(read);
      assertEquals(List.of(), delivered);
      assertEquals(1, socket.droppedDatagrams());
      assertTrue(TestSockets.hungUp(pipe[0], TestSockets.DEADLINE));
      Libc.closeQuietly(pipe[0]);
    }
  }

  @Test
  void deliversDatagramOfExactlyTheLimit() throws IOException {
    try (NotifySocket socket = NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.OWNER_ONLY)) {
      TestSockets.send(socket.path(), new byte[NotifySocket.MAX_PAYLOAD_BYTES]);

      Datagram datagram = TestSockets.receive(socket);

      assertEquals(NotifySocket.MAX_PAYLOAD_BYTES, datagram.payload().length);
    }
  }

  @Test
  void receivesAllFdsTheKernelAllowsAndClosesThem() throws IOException {
    try (NotifySocket socket = NotifySocket.bind(dir.resolve("n.sock"), SocketAccess.OWNER_ONLY)) {
      int[] pipe = TestSockets.pipe();
      int[] copies = TestSockets.duplicates(pipe[1], NotifySocket.MAX_FDS);
      TestSockets.send(socket.path(), "FDSTORE=1".getBytes(StandardCharsets.UTF_8), copies);
      TestSockets.closeAll(copies);
      Libc.closeQuietly(pipe[1]);

      Datagram datagram = TestSockets.receive(socket);

      assertEquals(NotifySocket.MAX_FDS, datagram.fdCount());
      assertTrue(TestSockets.hungUp(pipe[0], TestSockets.DEADLINE));
      Libc.closeQuietly(pipe[0]);
    }
  }

  private static int sendAsNobody(Path socket) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                "setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                "/usr/bin/systemd-notify",
                "--no-block",
                "--status=hello")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("NOTIFY_SOCKET", socket.toString());
    Process process = builder.start();
    assertTrue(
        process.waitFor(
            TestSockets.DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    return process.exitValue();
  }
}
