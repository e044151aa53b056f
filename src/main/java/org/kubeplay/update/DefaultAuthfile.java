package org.kubeplay.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where registry credentials are found when nothing names a file, as containers-auth.json(5) says
 * podman looks: the file {@code podman login} writes in the run-time folder, then the one in the
 * configuration folder, then Docker's. Without this, a registry check would ask anonymously for an
 * image that podman itself pulls with the host's login.
 */
final class DefaultAuthfile {
  private DefaultAuthfile() {}

  /** The first of the places that holds a file, if any does. */
  static Optional<Path> find(Map<String, String> environment) {
    return places(environment, currentUid()).stream().filter(Files::isRegularFile).findFirst();
  }

  /** The places in the order they are tried, for a process of user {@code uid}. */
  static List<Path> places(Map<String, String> environment, long uid) {
    List<Path> places = new ArrayList<>();
    Optional<String> runtime = variable(environment, "XDG_RUNTIME_DIR");
    places.add(
        runtime
            .map(dir -> Path.of(dir, "containers", "auth.json"))
            .orElse(Path.of("/run/containers", Long.toString(uid), "auth.json")));
    Optional<String> home = variable(environment, "HOME");
    variable(environment, "XDG_CONFIG_HOME")
        .map(Path::of)
        .or(() -> home.map(dir -> Path.of(dir, ".config")))
        .ifPresent(config -> places.add(config.resolve("containers").resolve("auth.json")));
    home.ifPresent(dir -> places.add(Path.of(dir, ".docker", "config.json")));
    return places;
  }

  private static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
  }

  private static long currentUid() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException e) {
      // Without /proc the per-user folder cannot be told; root's is the likely one.
      return 0;
    }
  }
}
