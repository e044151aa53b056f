package org.kubeplay.update;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.kubeplay.engine.PodmanEngine;
import org.kubeplay.systemd.SystemdManager;

/**
 * Times dry-run update checks of the sandbox's running workloads: kubeplay's updater in this
 * process, as kubeplayd runs it, against {@code podman auto-update --dry-run} as a command; runs
 * alternate so that both see the same machine. Run by {@code bench/update/run}.
 */
public final class UpdateBenchmark {
  /** Longest a podman run may take before the benchmark gives up on it. */
  private static final long PODMAN_TIMEOUT_SECONDS = 300;

  private UpdateBenchmark() {}

  /** Arguments: the number of timed runs of each, and the number of containers expected. */
  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    int containers = Integer.parseInt(args[1]);
    try (SystemdManager systemd = SystemdManager.connectUser()) {
      var updater = new AutoUpdater(new PodmanEngine(), systemd, RegistryClient.fromSystem());
      UpdateOptions options = UpdateOptions.all().asDryRun();
      long cold = timeKubeplay(updater, options, containers);
      long[] kubeplay = new long[runs];
      long[] podman = new long[runs];
      for (int i = 0; i < runs; i++) {
        kubeplay[i] = timeKubeplay(updater, options, containers);
        podman[i] = timePodman();
      }
      print(runs, containers, cold, kubeplay, podman);
    }
  }

  private static long timeKubeplay(AutoUpdater updater, UpdateOptions options, int containers)
      throws InterruptedException {
    long start = System.nanoTime();
    UpdateRun run = updater.run(options);
    long elapsed = System.nanoTime() - start;
    if (run.rows().size() != containers || run.failed()) {
      throw new IllegalStateException("kubeplay's dry run: " + UpdateReport.problems(run) + run);
    }
    return elapsed;
  }

  private static long timePodman() throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder("podman", "auto-update", "--dry-run", "--format", "{{.Updated}}")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(PODMAN_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("podman auto-update --dry-run failed: " + output);
    }
    long elapsed = System.nanoTime() - start;
    if (output.contains("failed")) {
      throw new IllegalStateException("podman auto-update --dry-run reported: " + output);
    }
    return elapsed;
  }

  private static void print(int runs, int containers, long cold, long[] kubeplay, long[] podman) {
    double ours = medianMillis(kubeplay);
    double theirs = medianMillis(podman);
    System.out.printf("dry-run check of %d containers, median of %d runs each%n", containers, runs);
    System.out.printf(
        "  kubeplay updater (in process, first run %.0f ms): %.0f ms%n", cold / 1e6, ours);
    System.out.printf("  podman auto-update --dry-run (command):        %.0f ms%n", theirs);
    System.out.printf("  ratio kubeplay / podman: %.2f%n", ours / theirs);
  }

  private static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    return median / 1e6;
  }
}
