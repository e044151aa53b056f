package org.kubeplay.notify;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that keeps what it gets, for tests to take with a deadline. */
final class RecordingListener implements NotifyListener {
  /** One forwarded message with the container it came from. */
  record Received(String container, NotifyMessage message) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  @Override
  public void onMessage(String container, NotifyMessage message) {
    received.add(new Received(container, message));
  }

  /** The next message, waiting up to the tests' deadline for it. */
  Received next() throws InterruptedException {
    Received next = received.poll(TestSockets.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(next, "no forwarded message within " + TestSockets.DEADLINE);
    return next;
  }

  /** The next message if one is there already. */
  Received poll() {
    return received.poll();
  }
}
