package org.kubeplay.runner;

import java.util.concurrent.CompletableFuture;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Learns at once when a container's process ends. The process is conmon's child, not ours, and for
 * such a process the JDK's {@link ProcessHandle#onExit} polls, at intervals that grow to five
 * seconds within minutes: a crashed container would wait that long for its restart. A pidfd (Linux
 * 5.3) becomes readable the moment its process ends, and one thread per container blocks in poll(2)
 * on it. Where pidfds are missing, the JDK's polling remains.
 */
final class ProcessExit {
  private static final System.Logger LOG = System.getLogger(ProcessExit.class.getName());

  /** pidfd_open's number, the same on x86_64 and aarch64 (new calls share one table). */
  private static final long SYS_PIDFD_OPEN = 434;

  private static final int ESRCH = 3;
  private static final int EINTR = 4;
  private static final short POLLIN = 0x1;
  private static final int POLLFD_SIZE = 8;

  /** The three calls needed; glibc's own pidfd_open wrapper is newer than some hosts' glibc. */
  public interface Native {
    long syscall(long number, long pid, long flags);

    int poll(Pointer fds, long count, int timeoutMillis);

    int close(int fd);
  }

  private static final Native C =
      LibraryLoader.create(Native.class).option(LibraryOption.SaveError, true).load("c");
  private static final Runtime RUNTIME = Runtime.getRuntime(C);

  private ProcessExit() {}

  /** Completes when process {@code pid} has ended, at once when there is no such process. */
  static CompletableFuture<Void> of(long pid) {
    int fd = (int) C.syscall(SYS_PIDFD_OPEN, pid, 0);
    if (fd < 0) {
      int errno = RUNTIME.getLastError();
      if (errno == ESRCH) {
        return CompletableFuture.completedFuture(null);
      }
      LOG.log(System.Logger.Level.DEBUG, "no pidfd for {0} (errno {1}), polling it", pid, errno);
      return ProcessHandle.of(pid)
          .map(process -> process.onExit().thenAccept(ended -> {}))
          .orElseGet(() -> CompletableFuture.completedFuture(null));
    }
    CompletableFuture<Void> ended = new CompletableFuture<>();
    DaemonThreads.named("kubeplay-exit-" + pid).newThread(() -> awaitAndClose(fd, ended)).start();
    return ended;
  }

  private static void awaitAndClose(int fd, CompletableFuture<Void> ended) {
    try {
      Pointer pollfd = Memory.allocateDirect(RUNTIME, POLLFD_SIZE, true);
      pollfd.putInt(0, fd);
      pollfd.putShort(4, POLLIN);
      // Only the process's end makes a pidfd readable; an error is no reason to wait longer.
      while (C.poll(pollfd, 1, -1) < 0 && RUNTIME.getLastError() == EINTR) {
        // A signal interrupted the wait: wait again.
      }
    } finally {
      C.close(fd);
      ended.complete(null);
    }
  }
}
