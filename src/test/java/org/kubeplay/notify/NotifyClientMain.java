package org.kubeplay.notify;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

/**
 * A Type=notify service for tests: tells {@code $NOTIFY_SOCKET} it is ready with the status given
 * as its argument, waits for the manager to have read that, then runs until stopped.
 */
public final class NotifyClientMain {
  private NotifyClientMain() {}

  public static void main(String[] args) throws InterruptedException {
    int code = run(args, System.getenv(), System.err);
    if (code != 0) {
      System.exit(code);
    }
    new CountDownLatch(1).await();
  }

  /** Sends READY=1 and STATUS; returns 0, 2 on a usage error, 1 when sending fails. */
  static int run(String[] args, Map<String, String> environment, PrintStream err) {
    if (args.length != 1) {
      err.println("usage: NotifyClientMain STATUS");
      return 2;
    }
    NotifyClient client = NotifyClient.fromEnvironment(environment);
    try {
      client.send(new NotifyMessage.Ready(), new NotifyMessage.Status(args[0]));
      client.barrier(Duration.ofSeconds(5));
      return 0;
    } catch (IOException | TimeoutException e) {
      err.println("notifying '" + client.address().orElseThrow() + "': " + e.getMessage());
      return 1;
    }
  }
}
