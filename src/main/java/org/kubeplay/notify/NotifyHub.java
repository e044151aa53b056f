package org.kubeplay.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Pointer;

/**
 * Serves every notify proxy of one workload from a single poll(2) thread, and hands their messages
 * to one listener on a second thread.
 *
 * <p>Fairness: each round reads at most {@link #MAX_DATAGRAMS_PER_ROUND} datagrams from each socket
 * that has any, so a container that floods its socket delays the others by one bounded batch at
 * most. A slow listener cannot stall the reads: messages wait for it in a queue of {@link
 * #MAX_PENDING_MESSAGES}, and when that is full new ones are dropped and counted.
 */
public final class NotifyHub implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NotifyHub.class.getName());

  /** One socket per container; no pod we serve has more, and poll's set stays small. */
  public static final int MAX_PROXIES = 256;

  /** Datagrams read from one socket before the next socket's turn: fairness against floods. */
  public static final int MAX_DATAGRAMS_PER_ROUND = 16;

  /** Messages waiting for a slow listener; beyond this they are dropped, not buffered. */
  public static final int MAX_PENDING_MESSAGES = 1024;

  private final String name;
  private final NotifyListener listener;
  private final int[] wakePipe;
  private static final int DRAIN_BYTES = 64;

  private final Pointer pollSet = Libc.allocate(Libc.POLLFD_SIZE * (MAX_PROXIES + 1));
  private final Pointer wakeByte = Libc.allocate(1);
  private final Pointer drain = Libc.allocate(DRAIN_BYTES);
  private final Object lock = new Object();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<Runnable> pending = new ArrayBlockingQueue<>(MAX_PENDING_MESSAGES);
  private final List<NotifyProxy> proxies = new CopyOnWriteArrayList<>();
  private final AtomicLong droppedMessages = new AtomicLong();
  private final Thread pollThread;
  private final Thread listenerThread;
  private int openProxies;
  private boolean stopping;
  private boolean stopped;
  private boolean wakePipeClosed;

  private NotifyHub(String name, NotifyListener listener, int[] wakePipe) {
    this.name = name;
    this.listener = listener;
    this.wakePipe = wakePipe;
    this.pollThread = new Thread(this::pollLoop, "notify-hub-" + name);
    this.listenerThread = new Thread(this::listenLoop, "notify-listener-" + name);
    pollThread.setDaemon(true);
    listenerThread.setDaemon(true);
  }

  /** Starts a hub whose forwarded messages go to {@code listener}; {@code name} names threads. */
  public static NotifyHub start(String name, NotifyListener listener) throws IOException {
    Libc.checkPlatform();
    Objects.requireNonNull(listener, "listener");
    int[] pipe = new int[2];
    Libc.check(
        Libc.C.pipe2(pipe, Libc.O_CLOEXEC | Libc.O_NONBLOCK),
        "creating wake-up pipe of notify hub '" + name + "'");
    NotifyHub hub = new NotifyHub(name, listener, pipe);
    hub.pollThread.start();
    hub.listenerThread.start();
    return hub;
  }

  /**
   * Binds a proxy socket for {@code container} at {@code socketPath} and starts serving it; its
   * readiness fails unless the container sends {@code READY=1} within {@code readyTimeout}.
   */
  public NotifyProxy open(
      String container, Path socketPath, SocketAccess access, Duration readyTimeout)
      throws IOException {
    if (container.isBlank() || readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new IllegalArgumentException(
          "container '" + container + "' needs a name and a positive ready timeout");
    }
    reserveSlot(container);
    NotifySocket socket;
    try {
      socket = NotifySocket.bind(socketPath, access);
    } catch (IOException | RuntimeException e) {
      releaseSlot();
      throw new IOException("opening notify proxy of container '" + container + "'", e);
    }
    NotifyProxy proxy = new NotifyProxy(this, container, socket, readyTimeout);
    runOnHub(() -> proxies.add(proxy));
    return proxy;
  }

  /** How many forwarded messages were dropped because the listener fell behind. */
  public long droppedMessages() {
    return droppedMessages.get();
  }

  /** Closes every proxy still open and stops both threads. */
  @Override
  public void close() {
    synchronized (lock) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    wake();
    listenerThread.interrupt();
    if (Thread.currentThread() != pollThread) {
      joinQuietly(pollThread);
    }
  }

  /** Queues a message for the listener, or counts it as dropped if the queue is full. */
  void forward(NotifyProxy proxy, NotifyMessage message) {
    Forwarded forwarded = new Forwarded(proxy.container(), message);
    if (!pending.offer(() -> deliver(forwarded))) {
      long dropped = droppedMessages.incrementAndGet();
      // One warning per thousand keeps a flood visible without flooding the log in turn.
      if (dropped % 1000 == 1) {
        LOG.log(
            System.Logger.Level.WARNING,
            "notify listener of ''{0}'' is {1} messages behind; dropped {2} so far, latest from"
                + " container ''{3}'', ignoring",
            name,
            MAX_PENDING_MESSAGES,
            dropped,
            proxy.container());
      }
    }
  }

  /** Stops serving a proxy and closes its socket, on the hub thread so no read races it. */
  void release(NotifyProxy proxy) {
    runOnHub(
        () -> {
          proxies.remove(proxy);
          proxy.socket().close();
          releaseSlot();
        });
  }

  private void reserveSlot(String container) {
    synchronized (lock) {
      if (stopping) {
        throw new IllegalStateException(
            "opening notify proxy of container '" + container + "': hub '" + name + "' is closed");
      }
      if (openProxies == MAX_PROXIES) {
        throw new IllegalStateException(
            "opening notify proxy of container '"
                + container
                + "': hub '"
                + name
                + "' already serves "
                + MAX_PROXIES);
      }
      openProxies++;
    }
  }

  private void releaseSlot() {
    synchronized (lock) {
      openProxies--;
    }
  }

  /**
   * Runs a change of the proxy list on the poll thread and waits for it, so that no read races it;
   * from the poll thread itself it runs before the next round, and once the hub has stopped it runs
   * at once, since nothing reads any more.
   */
  private void runOnHub(Runnable task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (lock) {
      if (stopped) {
        task.run();
        return;
      }
      tasks.add(
          () -> {
            try {
              task.run();
            } finally {
              done.complete(null);
            }
          });
    }
    if (Thread.currentThread() != pollThread) {
      wake();
      done.join();
    }
  }

  private void pollLoop() {
    try {
      while (!isStopping()) {
        runTasks();
        int count = fillPollSet();
        int ready = Libc.C.poll(pollSet, count, -1);
        if (ready < 0 && Libc.errno() != Libc.EINTR) {
          LOG.log(
              System.Logger.Level.ERROR,
              "polling notify hub ''{0}'': errno {1}",
              name,
              Libc.errno());
          break;
        }
        drainWakePipe();
        readReady(count);
      }
    } finally {
      shutDown();
    }
  }

  private boolean isStopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      task.run();
    }
  }

  /** Puts the wake-up pipe first and each proxy's socket after it; returns the count. */
  private int fillPollSet() {
    putPollFd(0, wakePipe[0]);
    for (int i = 0; i < proxies.size(); i++) {
      putPollFd(i + 1, proxies.get(i).socket().fd());
    }
    return proxies.size() + 1;
  }

  private void putPollFd(int index, int fd) {
    int offset = index * Libc.POLLFD_SIZE;
    pollSet.putInt(offset, fd);
    pollSet.putShort(offset + 4, Libc.POLLIN);
    pollSet.putShort(offset + 6, (short) 0);
  }

  /** One round: a bounded batch from every socket that has datagrams waiting. */
  private void readReady(int count) {
    for (int i = 1; i < count; i++) {
      short events = pollSet.getShort(i * Libc.POLLFD_SIZE + 6);
      if ((events & (Libc.POLLIN | Libc.POLLERR)) != 0) {
        proxies.get(i - 1).readSome(MAX_DATAGRAMS_PER_ROUND);
      }
    }
  }

  private void wake() {
    synchronized (lock) {
      // Once closed, the pipe's fd number may belong to someone else: never write to it.
      if (!wakePipeClosed) {
        // A full pipe already holds a wake-up, so a failed write loses nothing.
        Libc.C.write(wakePipe[1], wakeByte, 1);
      }
    }
  }

  private void drainWakePipe() {
    while (Libc.C.read(wakePipe[0], drain, DRAIN_BYTES) > 0) {
      // Each byte only says "look at the tasks"; how many there were does not matter.
    }
  }

  private void shutDown() {
    synchronized (lock) {
      stopping = true;
      stopped = true;
    }
    runTasks();
    for (NotifyProxy proxy : List.copyOf(proxies)) {
      proxy.close();
    }
    proxies.clear();
    synchronized (lock) {
      wakePipeClosed = true;
      Libc.closeQuietly(wakePipe[0]);
      Libc.closeQuietly(wakePipe[1]);
    }
    listenerThread.interrupt();
  }

  /**
   * Runs {@code task} on the listener's thread once the messages queued before it have reached the
   * listener, so that a container's READY=1 counts only after the STATUS it sent with it is known.
   * With the queue full, the task runs at once: it must never be lost.
   */
  void afterForwarded(Runnable task) {
    if (!pending.offer(task)) {
      task.run();
    }
  }

  private void listenLoop() {
    try {
      while (true) {
        pending.take().run();
      }
    } catch (InterruptedException e) {
      // The hub closed: messages still waiting go nowhere, as their proxies are gone.
    }
  }

  private void deliver(Forwarded forwarded) {
    try {
      listener.onMessage(forwarded.container(), forwarded.message());
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "notify listener of ''{0}'' failed on ''{1}'' from container ''{2}'', ignoring",
          name,
          forwarded.message().toWire(),
          forwarded.container(),
          e);
    }
  }

  private static void joinQuietly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private record Forwarded(String container, NotifyMessage message) {}
}
