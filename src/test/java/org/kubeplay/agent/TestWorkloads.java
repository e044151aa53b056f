package org.kubeplay.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.kubeplay.testing.Sandbox;

/** Writes workload YAML files for the agent's integration tests. */
final class TestWorkloads {
  private TestWorkloads() {}

  /** A one-container pod that is ready once started and stops at once on SIGTERM. */
  static Path simple(Path dir, String stem) throws IOException {
    String pod = stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    return write(
        dir,
        pod,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
        spec:
          containers:
            - name: app
              image: %s
              command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]
        """
            .formatted(pod, Sandbox.testImage()));
  }

  /** A pod whose one container runs {@code image} under the auto-update policy "local". */
  static Path localUpdates(Path dir, String stem, String image) throws IOException {
    String pod = stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    return write(
        dir,
        pod,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          annotations:
            io.containers.autoupdate: local
        spec:
          containers:
            - name: app
              image: %s
              command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]
        """
            .formatted(pod, image));
  }

  /**
   * A pod whose container says READY=1 only once the file {@code go} exists in the gate folder: a
   * start job that lasts exactly as long as the test wants.
   */
  static Path gated(Path dir, String stem, Path gate) throws IOException {
    String pod = stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    return write(
        dir,
        pod,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          annotations:
            io.containers.sdnotify/app: container
        spec:
          containers:
            - name: app
              image: %s
              command:
                - sh
                - -c
                - |
                  trap 'exit 0' TERM
                  until [ -e /gate/go ]; do sleep 0.1; done
                  systemd-notify --ready --status="through the gate"
                  while :; do sleep 1; done
              volumeMounts:
                - name: gate
                  mountPath: /gate
          volumes:
            - name: gate
              hostPath:
                path: %s
                type: Directory
        """
            .formatted(pod, Sandbox.testImage(), gate));
  }

  /** A file that does not validate: its errors are on lines 6 and 9. */
  static Path broken(Path dir) throws IOException {
    return write(
        dir,
        "broken-" + UUID.randomUUID().toString().substring(0, 8),
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: broken
        spec:
          restartPolicy: Sometimes
          containers:
            - name: app
              imagee: nothing
        """);
  }

  private static Path write(Path dir, String stem, String text) throws IOException {
    Path file = dir.resolve(stem + ".yaml");
    Files.writeString(file, text);
    return file;
  }
}
