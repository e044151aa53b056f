package org.kubeplay.notify;

import java.io.IOException;
import jnr.ffi.Pointer;

/**
 * An unbound unix datagram socket that sends whole datagrams, with fds attached if asked
 * (SCM_RIGHTS), to any address.
 *
 * <p>Sends block while the receiver's queue is full, as sd_notify's do. One thread at a time.
 */
final class DatagramSender implements AutoCloseable {
  /** The fds one datagram may carry: the kernel's SCM_MAX_FD. */
  static final int MAX_FDS = NotifySocket.MAX_FDS;

  /** The largest payload sent; beyond the kernel's own limit it would fail anyway. */
  static final int MAX_PAYLOAD_BYTES = 1 << 16;

  private final int fd;
  private final Pointer message = Libc.allocate(Libc.MSGHDR_SIZE);
  private final Pointer iovec = Libc.allocate(Libc.IOVEC_SIZE);
  private Pointer buffer = Libc.allocate(NotifySocket.MAX_PAYLOAD_BYTES);
  private Pointer control;
  private UnixAddress lastAddress;
  private Pointer lastSockaddr;
  private boolean closed;

  private DatagramSender(int fd) {
    this.fd = fd;
  }

  /** Opens a socket to send from. */
  static DatagramSender open() throws IOException {
    Libc.checkPlatform();
    int fd =
        Libc.check(
            Libc.C.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0),
            "creating datagram socket");
    return new DatagramSender(fd);
  }

  /** Sends {@code payload} as one datagram to {@code to}, with {@code fds} attached. */
  void send(UnixAddress to, byte[] payload, int... fds) throws IOException {
    if (payload.length > MAX_PAYLOAD_BYTES || fds.length > MAX_FDS) {
      throw new IllegalArgumentException(
          "datagram of "
              + payload.length
              + " bytes with "
              + fds.length
              + " fds exceeds "
              + MAX_PAYLOAD_BYTES
              + " bytes or "
              + MAX_FDS
              + " fds");
    }
    // Most datagrams are small: grow the native buffers only for the rare large one.
    if (payload.length > buffer.size()) {
      buffer = Libc.allocate(payload.length);
    }
    buffer.put(0, payload, 0, payload.length);
    iovec.putAddress(0, buffer.address());
    iovec.putLong(8, payload.length);
    message.putAddress(Libc.MSG_NAME, sockaddr(to).address());
    message.putInt(Libc.MSG_NAMELEN, to.sockaddrLength());
    message.putAddress(Libc.MSG_IOV, iovec.address());
    message.putLong(Libc.MSG_IOVLEN, 1);
    putFds(fds);
    message.putInt(Libc.MSG_FLAGS, 0);
    while (Libc.C.sendmsg(fd, message, Libc.MSG_NOSIGNAL) < 0) {
      if (Libc.errno() != Libc.EINTR) {
        throw Libc.failure("sending to '" + to + "'");
      }
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Libc.closeQuietly(fd);
    }
  }

  private Pointer sockaddr(UnixAddress to) {
    if (!to.equals(lastAddress)) {
      lastAddress = to;
      lastSockaddr = to.toSockaddr();
    }
    return lastSockaddr;
  }

  private void putFds(int[] fds) {
    if (fds.length == 0) {
      message.putAddress(Libc.MSG_CONTROL, 0L);
      message.putLong(Libc.MSG_CONTROLLEN, 0);
      return;
    }
    int dataLength = Integer.BYTES * fds.length;
    if (control == null || control.size() < Libc.cmsgSpace(dataLength)) {
      control = Libc.allocate(Libc.cmsgSpace(Integer.BYTES * MAX_FDS));
    }
    control.putLong(0, Libc.CMSG_HEADER + dataLength);
    control.putInt(8, Libc.SOL_SOCKET);
    control.putInt(12, Libc.SCM_RIGHTS);
    control.put(Libc.CMSG_HEADER, fds, 0, fds.length);
    message.putAddress(Libc.MSG_CONTROL, control.address());
    message.putLong(Libc.MSG_CONTROLLEN, Libc.cmsgSpace(dataLength));
  }
}
