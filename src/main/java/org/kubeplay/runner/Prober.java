package org.kubeplay.runner;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.ExecResult;
import org.kubeplay.kube.Probe;
import org.kubeplay.kube.ProbeAction;

/**
 * Runs a container's probes the way a kubelet does: exec through the engine, httpGet and tcpSocket
 * from the host to the pod's address, with the probe's delay, period, timeout and thresholds.
 * Podman's own healthcheck timers need a system manager of their own, so the supervisor probes by
 * itself.
 */
final class Prober {
  /** Whether failing the failure threshold ends the wait (startup, liveness) or not. */
  enum OnFailures {
    GIVE_UP,
    KEEP_TRYING
  }

  /** The result of one check, with what a person needs to know when it failed. */
  record Outcome(boolean passed, String detail) {}

  private final ContainerEngine engine;
  private final ScheduledExecutorService timer;

  Prober(ContainerEngine engine, ScheduledExecutorService timer) {
    this.engine = engine;
    this.timer = timer;
  }

  /**
   * Completes when the probe has passed its success threshold in a row; with {@code GIVE_UP} it
   * fails once the probe has failed its failure threshold in a row.
   */
  CompletableFuture<Void> untilPasses(
      String container, Probe probe, Supplier<String> address, OnFailures onFailures) {
    var result = new CompletableFuture<Void>();
    var counts = new int[2]; // passes in a row, failures in a row
    every(
        probe,
        result,
        () -> {
          Outcome outcome = check(container, probe.action(), address, timeout(probe));
          counts[outcome.passed() ? 0 : 1]++;
          counts[outcome.passed() ? 1 : 0] = 0;
          if (counts[0] >= probe.successThreshold()) {
            result.complete(null);
          } else if (counts[1] >= probe.failureThreshold() && onFailures == OnFailures.GIVE_UP) {
            result.completeExceptionally(
                new IOException("probe failed " + counts[1] + " times: " + outcome.detail()));
          }
        });
    return result;
  }

  /**
   * Completes, with the last failure, once the probe has failed its failure threshold in a row;
   * cancel it to stop probing.
   */
  CompletableFuture<String> untilFails(String container, Probe probe, Supplier<String> address) {
    var result = new CompletableFuture<String>();
    var failures = new int[1];
    every(
        probe,
        result,
        () -> {
          Outcome outcome = check(container, probe.action(), address, timeout(probe));
          failures[0] = outcome.passed() ? 0 : failures[0] + 1;
          if (failures[0] >= probe.failureThreshold()) {
            result.complete(outcome.detail());
          }
        });
    return result;
  }

  /** Runs {@code round} by the probe's delay and period until {@code until} is done. */
  private void every(Probe probe, CompletableFuture<?> until, Runnable round) {
    var task =
        timer.scheduleWithFixedDelay(
            () -> {
              if (!until.isDone()) {
                round.run();
              }
            },
            probe.initialDelaySeconds() * 1000L,
            probe.periodSeconds() * 1000L,
            TimeUnit.MILLISECONDS);
    until.whenComplete((value, error) -> task.cancel(false));
  }

  /** Runs one check; {@code address} is asked for only by a check that needs it. */
  Outcome check(String container, ProbeAction action, Supplier<String> address, Duration timeout) {
    if (action instanceof ProbeAction.Exec exec) {
      return execCheck(container, exec, timeout);
    } else if (action instanceof ProbeAction.HttpGet http) {
      return httpCheck(http, http.host().orElseGet(address), timeout);
    }
    ProbeAction.TcpSocket tcp = (ProbeAction.TcpSocket) action;
    return tcpCheck(tcp.host().orElseGet(address), tcp.port(), timeout);
  }

  private Outcome execCheck(String container, ProbeAction.Exec exec, Duration timeout) {
    try {
      ExecResult result = engine.exec(container, exec.command(), timeout);
      return new Outcome(
          result.exitCode() == 0, "exec " + exec.command() + " exited " + result.exitCode());
    } catch (EngineException e) {
      return new Outcome(false, e.getMessage());
    }
  }

  private static Outcome httpCheck(ProbeAction.HttpGet http, String host, Duration timeout) {
    String url =
        http.scheme().wireName().toLowerCase()
            + "://"
            + host
            + ":"
            + http.port()
            + (http.path().startsWith("/") ? "" : "/")
            + http.path();
    try {
      var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout((int) timeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      connection.setInstanceFollowRedirects(false);
      http.headers().forEach(h -> connection.setRequestProperty(h.name(), h.value()));
      int status = connection.getResponseCode();
      connection.disconnect();
      return new Outcome(status >= 200 && status < 400, "GET " + url + " answered " + status);
    } catch (IOException | IllegalArgumentException e) {
      return new Outcome(false, "GET " + url + ": " + e.getMessage());
    }
  }

  private static Outcome tcpCheck(String host, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return new Outcome(true, "connected to " + host + ":" + port);
    } catch (IOException e) {
      return new Outcome(false, "connecting to " + host + ":" + port + ": " + e.getMessage());
    }
  }

  private static Duration timeout(Probe probe) {
    return Duration.ofSeconds(probe.timeoutSeconds());
  }
}
