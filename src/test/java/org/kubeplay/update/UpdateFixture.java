package org.kubeplay.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kubeplay.systemd.UnitNames;
import org.kubeplay.testing.Command;
import org.kubeplay.testing.Sandbox;

/**
 * Workloads and images of the auto-update tests, made with the sandbox's real podman and systemd;
 * closing it stops the units and removes the images and drop-ins it made.
 */
final class UpdateFixture implements AutoCloseable {
  /** The container of every test workload, and its pod's name prefix. */
  static final String CONTAINER = "app";

  /**
   * The container's script: ready by sd_notify when it has a socket, dies at once when its image
   * says VARIANT=crash, never ready when it says VARIANT=silent; stops promptly on SIGTERM.
   */
  private static final String SCRIPT =
      """
      trap 'exit 0' TERM
      if [ "$VARIANT" = crash ]; then echo "variant crash exits"; exit 3; fi
      if [ -n "$NOTIFY_SOCKET" ] && [ "$VARIANT" != silent ]; then systemd-notify --ready; fi
      while :; do sleep 1 & wait $!; done
      """;

  final String id = UUID.randomUUID().toString().substring(0, 8);
  final String registry = System.getenv("KUBEPLAY_REGISTRY");
  private final Path dir;
  private final List<String> units = new ArrayList<>();
  private final List<String> images = new ArrayList<>();
  private final List<Path> dropIns = new ArrayList<>();

  UpdateFixture(Path dir) {
    Sandbox.require();
    this.dir = dir;
  }

  /** Builds an image from the test image that differs by a label, with VARIANT set; its id. */
  String build(String tag, String variant) throws IOException {
    Path context = Files.createDirectories(dir.resolve("build-" + UUID.randomUUID()));
    Files.writeString(
        context.resolve("Containerfile"),
        "FROM %s\nLABEL io.kubeplay.test.build=%s\nENV VARIANT=%s\n"
            .formatted(Sandbox.testImage(), context.getFileName(), variant));
    podman("build", "--pull=never", "--quiet", "--tag", tag, context.toString());
    String id = imageId(tag);
    // By id too: a later build or pull under the same name leaves this one without a name.
    images.add(tag);
    images.add(id);
    return id;
  }

  /** Gives an image another name. */
  void tag(String image, String name) {
    podman("tag", image, name);
    images.add(name);
  }

  /** Pushes a local image to a name in the sandbox's registry. */
  void push(String image, String remote) {
    podman("push", "--quiet", "--tls-verify=false", image, remote);
  }

  /** Pulls an image, so that the local image knows its registry digest. */
  void pull(String image) {
    podman("pull", "--quiet", "--tls-verify=false", image);
    images.add(image);
  }

  /** The id of the image a name points to. */
  String imageId(String image) {
    return podman("image", "inspect", "--format", "{{.Id}}", image).strip();
  }

  /** The id of the image a workload's container runs. */
  String runningImage(String pod) {
    return podman("container", "inspect", "--format", "{{.Image}}", pod + "-" + CONTAINER).strip();
  }

  /** Writes a one-container workload and returns its unit, not started. */
  String workload(String pod, String image, String policy, boolean notify) throws IOException {
    String annotations = "    io.containers.autoupdate: " + policy + "\n";
    if (notify) {
      annotations += "    io.containers.sdnotify/" + CONTAINER + ": container\n";
    }
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          annotations:
        %s
        spec:
          containers:
            - name: %s
              image: %s
              command: [sh, -c, %s]
        """
            .formatted(pod, annotations.stripTrailing(), CONTAINER, image, quoted(SCRIPT));
    Path file = dir.resolve(pod + ".yaml");
    Files.writeString(file, yaml);
    String unit = UnitNames.instanceOf("podman-kube@.service", UnitNames.escape(file.toString()));
    units.add(unit);
    return unit;
  }

  /** Gives a unit a drop-in of settings, e.g. a short start timeout. */
  void dropIn(String unit, String serviceSettings) throws IOException {
    Path folder = Files.createDirectories(Sandbox.unitDir().resolve(unit + ".d"));
    Path file = folder.resolve("50-update-test.conf");
    Files.writeString(file, "[Service]\n" + serviceSettings + "\n");
    dropIns.add(folder);
    Sandbox.systemctl("daemon-reload");
  }

  /** Starts a unit and returns once it is active. */
  void start(String unit) {
    Sandbox.systemctl("start", unit);
  }

  @Override
  public void close() throws IOException {
    for (String unit : units) {
      Command.run("systemctl", "--user", "stop", unit);
    }
    for (Path folder : dropIns) {
      try (var files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(folder);
    }
    if (!dropIns.isEmpty()) {
      Sandbox.systemctl("daemon-reload");
    }
    images.forEach(image -> Command.run("podman", "rmi", "--force", image));
  }

  static String podman(String... args) {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    return Command.run(command).checked();
  }

  private static String quoted(String script) {
    return "\"" + script.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
