package org.kubeplay.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Ends what a timed-out exec left running in a container. podman has no call for it: killing its
 * client at the deadline leaves the exec session's process running (seen with 4.3.1).
 *
 * <p>An exec session's process lives in the container's PID namespace, while its parent (the
 * session's runtime) does not, and it started after the exec was asked for. Such processes, and
 * everything they started, get SIGKILL. Another exec of the same container that started after this
 * one, which the supervisor's probes never overlap with, would go too.
 */
final class ExecReaper {
  private static final System.Logger LOG = System.getLogger(ExecReaper.class.getName());
  private static final Path PROC = Path.of("/proc");

  private ExecReaper() {}

  /** Kills the exec sessions of the container whose main process is {@code mainPid}. */
  static int reap(long mainPid, Instant askedAt) {
    Optional<String> namespace = pidNamespace(mainPid);
    if (namespace.isEmpty()) {
      return 0;
    }
    int killed = 0;
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      for (ProcessHandle process : all.toList()) {
        if (process.pid() != mainPid && isExecSession(process, namespace.get(), askedAt)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          killed++;
        }
      }
    }
    LOG.log(System.Logger.Level.DEBUG, "ended {0} timed-out exec process(es)", killed);
    return killed;
  }

  private static boolean isExecSession(ProcessHandle process, String namespace, Instant askedAt) {
    return namespace.equals(pidNamespace(process.pid()).orElse(""))
        && process
            .parent()
            .map(p -> !namespace.equals(pidNamespace(p.pid()).orElse("")))
            .orElse(true)
        && process.info().startInstant().map(start -> !start.isBefore(askedAt)).orElse(false);
  }

  private static Optional<String> pidNamespace(long pid) {
    try {
      return Optional.of(Files.readSymbolicLink(PROC.resolve(pid + "/ns/pid")).toString());
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty(); // gone, or not ours to read
    }
  }
}
