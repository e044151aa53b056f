package org.kubeplay.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.Owner;
import org.kubeplay.kube.Diagnostic;
import org.kubeplay.kube.ManifestException;
import org.kubeplay.kube.Workload;
import org.kubeplay.kube.WorkloadReader;
import org.kubeplay.notify.NotifyClient;
import sun.misc.Signal;

/** The entry points of {@code kubeplay run} and {@code kubeplay down}. */
public final class Runner {
  /** The unit a workload runs in, as systemd's template sets it for podman's tools too. */
  public static final String UNIT_VARIABLE = "PODMAN_SYSTEMD_UNIT";

  /** The exit code of a call that cannot work as made, as systemd reads status 2. */
  static final int EXIT_USAGE = 2;

  private final ContainerEngine engine;
  private final Map<String, String> environment;
  private final PrintWriter err;

  public Runner(ContainerEngine engine, Map<String, String> environment, PrintWriter err) {
    this.engine = engine;
    this.environment = Map.copyOf(environment);
    this.err = err;
  }

  /**
   * Runs the workload of {@code file} until it ends or SIGTERM/SIGINT stops it, and returns the
   * exit code: 0 when stopped or ended well, the propagated code otherwise, and non-zero when it
   * could not start.
   */
  public int run(Path file) {
    try (var notifier = new Notifier(NotifyClient.fromEnvironment(environment))) {
      return run(file, notifier);
    }
  }

  private int run(Path file, Notifier notifier) {
    if (!file.isAbsolute() && environment.containsKey(UNIT_VARIABLE)) {
      // %I of a unit named with `systemd-escape --path` loses the leading slash.
      String message =
          "'"
              + file
              + "' is not an absolute path: name the unit after"
              + " `systemd-escape /path/to/file.yaml`, without --path";
      err.println("kubeplay run: " + message);
      notifier.status(message);
      return EXIT_USAGE;
    }
    Path absolute = file.toAbsolutePath().normalize();
    Optional<Workload> workload = read(absolute, notifier);
    if (workload.isEmpty()) {
      return 1;
    }
    var supervisor =
        new Supervisor(
            workload.get(),
            engine,
            notifier,
            owner(absolute),
            RuntimeDir.forWorkload(absolute, environment),
            err);
    Signal.handle(new Signal("TERM"), signal -> supervisor.requestStop("SIGTERM"));
    Signal.handle(new Signal("INT"), signal -> supervisor.requestStop("SIGINT"));
    return supervisor.run();
  }

  /** Removes everything a run of {@code file} created; returns 0, or 1 when something stays. */
  public int down(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Optional<Workload> workload;
    try {
      workload = Optional.of(new WorkloadReader().read(absolute));
    } catch (ManifestException e) {
      // What a run created is found by its label; the model only adds volume names.
      workload = Optional.empty();
    }
    try {
      new Down(engine, RuntimeDir.forWorkload(absolute, environment))
          .remove(owner(absolute), workload);
      return 0;
    } catch (EngineException | IOException e) {
      err.println("kubeplay down: removing workload '" + absolute + "': " + e.getMessage());
      return 1;
    }
  }

  private Optional<Workload> read(Path file, Notifier notifier) {
    try {
      Workload workload = new WorkloadReader().read(file);
      workload.warnings().forEach(w -> err.println(w));
      return Optional.of(workload);
    } catch (ManifestException e) {
      for (Diagnostic diagnostic : e.diagnostics()) {
        err.println(diagnostic);
      }
      notifier.status("invalid manifest: " + e.errors().get(0));
      return Optional.empty();
    } finally {
      err.flush();
    }
  }

  private Owner owner(Path file) {
    return new Owner(file, Optional.ofNullable(environment.get(UNIT_VARIABLE)));
  }
}
