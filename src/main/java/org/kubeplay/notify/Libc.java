package org.kubeplay.notify;

import java.io.IOException;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Out;

/**
 * The few libc calls the notify package makes, bound through jnr-ffi.
 *
 * <p>jnr-posix has no socket, bind or poll, and its message header hides the raw control buffer we
 * must size and walk ourselves, so the package declares its own small binding. The constants and
 * struct layouts are those of Linux on 64-bit machines (x86_64 and aarch64 share them); {@link
 * #checkPlatform} refuses anything else instead of corrupting memory.
 */
final class Libc {
  static final int AF_UNIX = 1;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_NONBLOCK = 0x800;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;
  static final int SOL_SOCKET = 1;
  static final int SO_PASSCRED = 16;
  static final int SCM_RIGHTS = 1;
  static final int SCM_CREDENTIALS = 2;
  static final int MSG_CTRUNC = 0x8;
  static final int MSG_TRUNC = 0x20;
  static final int MSG_DONTWAIT = 0x40;
  static final int MSG_NOSIGNAL = 0x4000;
  static final int MSG_CMSG_CLOEXEC = 0x40000000;
  static final short POLLIN = 0x1;
  static final short POLLERR = 0x8;
  static final short POLLHUP = 0x10;
  static final short POLLNVAL = 0x20;
  static final int EINTR = 4;
  static final int EAGAIN = 11;
  static final int ENOENT = 2;

  /** Bytes of struct msghdr and the offsets of its fields. */
  static final int MSGHDR_SIZE = 56;

  static final int MSG_NAME = 0;
  static final int MSG_NAMELEN = 8;
  static final int MSG_IOV = 16;
  static final int MSG_IOVLEN = 24;
  static final int MSG_CONTROL = 32;
  static final int MSG_CONTROLLEN = 40;
  static final int MSG_FLAGS = 48;

  /** Bytes of struct iovec, struct pollfd, struct ucred and the cmsghdr header. */
  static final int IOVEC_SIZE = 16;

  static final int POLLFD_SIZE = 8;
  static final int UCRED_SIZE = 12;
  static final int CMSG_HEADER = 16;

  /** The libc functions used, with Linux argument types. */
  public interface Native {
    int socket(int domain, int type, int protocol);

    int bind(int fd, Pointer address, int length);

    int setsockopt(int fd, int level, int name, Pointer value, int length);

    long recvmsg(int fd, Pointer message, int flags);

    long sendmsg(int fd, Pointer message, int flags);

    int poll(Pointer fds, long count, int timeoutMillis);

    int pipe2(@Out int[] fds, int flags);

    long read(int fd, Pointer buffer, long length);

    long write(int fd, Pointer buffer, long length);

    int close(int fd);

    int dup(int fd);

    int chmod(String path, int mode);

    int chown(String path, int uid, int gid);

    int unlink(String path);

    int getpid();

    String strerror(int errno);
  }

  static final Native C =
      LibraryLoader.create(Native.class).option(LibraryOption.SaveError, true).load("c");
  static final Runtime RUNTIME = Runtime.getRuntime(C);

  private Libc() {}

  /** Fails unless the layouts above are the machine's. */
  static void checkPlatform() {
    String os = System.getProperty("os.name");
    String arch = System.getProperty("os.arch");
    boolean known = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64");
    if (!os.equals("Linux") || !known) {
      throw new UnsupportedOperationException(
          "notify sockets need Linux on x86_64 or aarch64, not '" + os + "' on '" + arch + "'");
    }
  }

  static int errno() {
    return RUNTIME.getLastError();
  }

  /** An exception for a failed call, with errno's text: "binding '/x': Permission denied". */
  static IOException failure(String context) {
    int errno = errno();
    return new ErrnoException(context + ": " + C.strerror(errno), errno);
  }

  /** Returns the result of a call that sets errno on -1, or throws with the context. */
  static int check(int result, String context) throws IOException {
    if (result < 0) {
      throw failure(context);
    }
    return result;
  }

  static Pointer allocate(int size) {
    return Memory.allocateDirect(RUNTIME, size, true);
  }

  /** Rounds up to the alignment of control messages, as CMSG_ALIGN does. */
  static int cmsgAlign(int length) {
    return (length + 7) & ~7;
  }

  /** The room one control message with {@code dataLength} bytes takes, as CMSG_SPACE. */
  static int cmsgSpace(int dataLength) {
    return CMSG_HEADER + cmsgAlign(dataLength);
  }

  /** Closes a descriptor we own, whose close can only fail on a bug of ours. */
  static void closeQuietly(int fd) {
    if (fd >= 0) {
      C.close(fd);
    }
  }

  /** An I/O failure that keeps the errno it came from. */
  static final class ErrnoException extends IOException {
    private final int errno;

    ErrnoException(String message, int errno) {
      super(message);
      this.errno = errno;
    }

    int errno() {
      return errno;
    }
  }
}
