package org.kubeplay.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import jnr.ffi.Pointer;

/**
 * A non-blocking unix datagram socket bound to a path, read one whole datagram at a time the way
 * systemd reads its own notify socket.
 *
 * <p>Each read passes SO_PASSCRED credentials, takes every fd a sender attached (with
 * MSG_CMSG_CLOEXEC, so none leaks into a child process), and closes those fds after the datagram
 * was handled. A datagram too large for {@link #MAX_PAYLOAD_BYTES}, or whose fds did not fit, is
 * dropped with a warning. One thread at a time may read; {@link #close} must not race a read (the
 * notify hub serialises both).
 */
public final class NotifySocket implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NotifySocket.class.getName());

  /** systemd reads notify datagrams into a buffer of this size and drops larger ones. */
  public static final int MAX_PAYLOAD_BYTES = 4096;

  /** The kernel passes at most SCM_MAX_FD fds per datagram; control room is sized for it. */
  public static final int MAX_FDS = 253;

  private static final int CONTROL_BYTES =
      Libc.cmsgSpace(Libc.UCRED_SIZE) + Libc.cmsgSpace(Integer.BYTES * MAX_FDS);

  /** The file type bits of st_mode, and their value for a socket. */
  private static final int S_IFMT = 0170000;

  private static final int S_IFSOCK = 0140000;

  private final int fd;
  private final Path path;
  private final Pointer message = Libc.allocate(Libc.MSGHDR_SIZE);
  private final Pointer iovec = Libc.allocate(Libc.IOVEC_SIZE);
  private final Pointer buffer = Libc.allocate(MAX_PAYLOAD_BYTES);
  private final Pointer control = Libc.allocate(CONTROL_BYTES);
  private long droppedDatagrams;
  private boolean closed;

  private Object fileKey;

  private NotifySocket(int fd, Path path) {
    this.fd = fd;
    this.path = path;
  }

  /**
   * Binds a socket to {@code path}, replacing a stale socket file there, and gives the file the
   * owner and mode of {@code access}.
   *
   * <p>Between bind and chmod the file has the mode the umask allows, so the folder that holds it
   * should be one that only the supervisor can enter.
   */
  public static NotifySocket bind(Path path, SocketAccess access) throws IOException {
    Libc.checkPlatform();
    UnixAddress address = UnixAddress.of(path.toAbsolutePath());
    removeStaleSocket(path);
    int fd =
        Libc.check(
            Libc.C.socket(
                Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC | Libc.SOCK_NONBLOCK, 0),
            "creating notify socket for '" + path + "'");
    NotifySocket socket = new NotifySocket(fd, path);
    try {
      socket.setUp(address, access);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  /** The socket file. */
  public Path path() {
    return path;
  }

  /** How many datagrams were dropped because they, or their fds, did not fit. */
  public long droppedDatagrams() {
    return droppedDatagrams;
  }

  int fd() {
    return fd;
  }

  /**
   * Reads one datagram, if one is waiting, and hands it to {@code handler}; closes every fd that
   * came with it afterwards, even if the handler throws.
   *
   * @return whether a datagram was read (delivered or dropped); false when none was waiting
   */
  public boolean receive(Consumer<Datagram> handler) throws IOException {
    long length = receiveInto();
    if (length < 0) {
      return false;
    }
    int flags = message.getInt(Libc.MSG_FLAGS);
    Control parsed = parseControl();
    try {
      if ((flags & (Libc.MSG_TRUNC | Libc.MSG_CTRUNC)) != 0) {
        drop(flags, parsed.fds().length);
      } else {
        byte[] payload = new byte[(int) length];
        buffer.get(0, payload, 0, payload.length);
        handler.accept(new Datagram(payload, parsed.credentials(), parsed.fds().length));
      }
    } finally {
      for (int received : parsed.fds()) {
        Libc.closeQuietly(received);
      }
    }
    return true;
  }

  /** Closes the socket and removes its file; a second call does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Libc.closeQuietly(fd);
    // A newer socket for the same container may have replaced the file: leave that one be.
    if (fileKey != null && fileKey.equals(currentFileKey(path))) {
      Libc.C.unlink(path.toString());
    }
  }

  private static Object currentFileKey(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private void setUp(UnixAddress address, SocketAccess access) throws IOException {
    Pointer one = Libc.allocate(Integer.BYTES);
    one.putInt(0, 1);
    Libc.check(
        Libc.C.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_PASSCRED, one, Integer.BYTES),
        "enabling credentials on notify socket '" + path + "'");
    Libc.check(
        Libc.C.bind(fd, address.toSockaddr(), address.sockaddrLength()),
        "binding notify socket '" + path + "'");
    fileKey = currentFileKey(path);
    if (access.changesOwner()) {
      Libc.check(
          Libc.C.chown(path.toString(), access.uid(), access.gid()),
          "changing owner of notify socket '" + path + "'");
    }
    Libc.check(
        Libc.C.chmod(path.toString(), access.mode()),
        "changing mode of notify socket '" + path + "'");
  }

  /** Removes a socket file left by an earlier run; refuses to remove anything else. */
  private static void removeStaleSocket(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    if ((mode & S_IFMT) != S_IFSOCK) {
      throw new IOException(
          "binding notify socket '" + path + "': a file that is no socket is there");
    }
    Files.deleteIfExists(path);
  }

  /** Reads into the buffers; returns the payload length, or -1 when no datagram waits. */
  private long receiveInto() throws IOException {
    iovec.putAddress(0, buffer.address());
    iovec.putLong(8, MAX_PAYLOAD_BYTES);
    message.putAddress(Libc.MSG_NAME, 0L);
    message.putInt(Libc.MSG_NAMELEN, 0);
    message.putAddress(Libc.MSG_IOV, iovec.address());
    message.putLong(Libc.MSG_IOVLEN, 1);
    message.putAddress(Libc.MSG_CONTROL, control.address());
    message.putLong(Libc.MSG_CONTROLLEN, CONTROL_BYTES);
    message.putInt(Libc.MSG_FLAGS, 0);
    while (true) {
      long length = Libc.C.recvmsg(fd, message, Libc.MSG_DONTWAIT | Libc.MSG_CMSG_CLOEXEC);
      if (length >= 0) {
        return length;
      }
      int errno = Libc.errno();
      if (errno == Libc.EAGAIN) {
        return -1;
      }
      if (errno != Libc.EINTR) {
        throw Libc.failure("reading notify socket '" + path + "'");
      }
    }
  }

  /** The credentials and fds in the control buffer the kernel filled. */
  private Control parseControl() {
    long length = message.getLong(Libc.MSG_CONTROLLEN);
    Optional<Credentials> credentials = Optional.empty();
    int[] fds = new int[0];
    int offset = 0;
    while (offset + Libc.CMSG_HEADER <= length) {
      int cmsgLength = (int) control.getLong(offset);
      if (cmsgLength < Libc.CMSG_HEADER || offset + cmsgLength > length) {
        break;
      }
      int level = control.getInt(offset + 8);
      int type = control.getInt(offset + 12);
      int data = offset + Libc.CMSG_HEADER;
      if (level == Libc.SOL_SOCKET && type == Libc.SCM_RIGHTS) {
        fds = appendFds(fds, data, (cmsgLength - Libc.CMSG_HEADER) / Integer.BYTES);
      } else if (level == Libc.SOL_SOCKET && type == Libc.SCM_CREDENTIALS) {
        credentials =
            Optional.of(
                new Credentials(
                    control.getInt(data), control.getInt(data + 4), control.getInt(data + 8)));
      }
      offset += Libc.cmsgAlign(cmsgLength);
    }
    return new Control(credentials, fds);
  }

  private int[] appendFds(int[] fds, int data, int count) {
    int[] all = Arrays.copyOf(fds, fds.length + count);
    control.get(data, all, fds.length, count);
    return all;
  }

  private void drop(int flags, int fdCount) {
    droppedDatagrams++;
    String why =
        (flags & Libc.MSG_TRUNC) != 0
            ? "is larger than " + MAX_PAYLOAD_BYTES + " bytes"
            : "carries more than the room for " + MAX_FDS + " fds";
    // The first drop is worth a warning; a sender that keeps at it must not flood the log.
    System.Logger.Level level =
        droppedDatagrams == 1 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
    LOG.log(
        level,
        "datagram on notify socket ''{0}'' {1} (with {2} fds, closed), ignoring",
        path,
        why,
        fdCount);
  }

  private record Control(Optional<Credentials> credentials, int[] fds) {}
}
