package org.kubeplay.update;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.ImageInfo;
import org.kubeplay.kube.AutoUpdatePolicy;

/**
 * Tells for each container whether its image name points to another image now: in the registry for
 * the {@code registry} policy, in local storage for {@code local}.
 *
 * <p>Each image is asked about once, however many containers use it, and the questions run in
 * parallel.
 */
final class UpdateChecker {
  /**
   * Most registry and engine questions at once: enough to check a host's images in about the time
   * of the slowest, few enough not to look like a flood to a registry or to load a small host with
   * podman processes.
   */
  static final int MAX_PARALLEL_CHECKS = 8;

  /** The variable naming the default authfile, as podman reads it. */
  static final String AUTHFILE_VARIABLE = "REGISTRY_AUTH_FILE";

  private final ContainerEngine engine;
  private final RegistryClient registry;
  private final Map<String, String> environment;

  UpdateChecker(ContainerEngine engine, RegistryClient registry, Map<String, String> environment) {
    this.engine = engine;
    this.registry = registry;
    this.environment = Map.copyOf(environment);
  }

  /** A registry question: one image name, asked with one authfile. */
  record RemoteKey(String image, Optional<Path> authfile) {}

  /** Checks every candidate; a failure is the check's result, never an exception. */
  Map<Candidate, Check> check(List<Candidate> candidates, Optional<Path> authfile)
      throws InterruptedException {
    try (Parallel pool = new Parallel("update-check", MAX_PARALLEL_CHECKS)) {
      Map<RemoteKey, Future<Outcome<String>>> remote = new HashMap<>();
      Set<String> local = new LinkedHashSet<>();
      for (Candidate candidate : candidates) {
        if (candidate.policy() == AutoUpdatePolicy.REGISTRY) {
          RemoteKey key = new RemoteKey(candidate.imageName(), authfile(candidate, authfile));
          remote.computeIfAbsent(key, k -> pool.submit(() -> remoteDigest(k)));
          local.add(candidate.container().imageId());
        } else {
          local.add(candidate.imageName());
        }
      }
      // One engine call for every local image, while the registries answer.
      Map<String, Outcome<ImageInfo>> images = inspect(local);
      Map<Candidate, Check> checks = new LinkedHashMap<>();
      for (Candidate candidate : candidates) {
        String id = candidate.container().imageId();
        if (candidate.policy() == AutoUpdatePolicy.REGISTRY) {
          RemoteKey key = new RemoteKey(candidate.imageName(), authfile(candidate, authfile));
          checks.put(candidate, registryCheck(Parallel.await(remote.get(key)), images.get(id)));
        } else {
          checks.put(candidate, localCheck(id, images.get(candidate.imageName())));
        }
      }
      return checks;
    }
  }

  /**
   * The authfile for a container: its label's, else the run's option, else {@code
   * REGISTRY_AUTH_FILE}, else the first file found where podman looks by default; none means no
   * credentials.
   */
  Optional<Path> authfile(Candidate candidate, Optional<Path> option) {
    if (candidate.authfile().isPresent()) {
      return candidate.authfile();
    }
    if (option.isPresent()) {
      return option;
    }
    return Optional.ofNullable(environment.get(AUTHFILE_VARIABLE))
        .filter(file -> !file.isEmpty())
        .map(Path::of)
        .or(() -> DefaultAuthfile.find(environment));
  }

  /** An update exists when the registry's digest is none of the running image's digests. */
  static Check registryCheck(Outcome<String> remote, Outcome<ImageInfo> local) {
    if (remote.failure().isPresent()) {
      return new Check.Failed(remote.failure().get());
    }
    if (local.failure().isPresent()) {
      return new Check.Failed(local.failure().get());
    }
    boolean known = local.value().get().digests().contains(remote.value().get());
    return known ? new Check.Current() : new Check.Available();
  }

  /** An update exists when the image the name points to is not the one the container runs. */
  static Check localCheck(String runningId, Outcome<ImageInfo> named) {
    if (named.failure().isPresent()) {
      return new Check.Failed(named.failure().get());
    }
    boolean same = named.value().get().id().equals(runningId);
    return same ? new Check.Current() : new Check.Available();
  }

  private Outcome<String> remoteDigest(RemoteKey key) throws InterruptedException {
    String context = "checking image '" + key.image() + "' in its registry";
    try {
      ImageReference image = ImageReference.parse(key.image());
      Optional<Credentials> credentials = credentials(image, key.authfile());
      return Outcome.of(registry.digest(image, credentials));
    } catch (IllegalArgumentException | IOException | RegistryException e) {
      return Outcome.failed(context + ": " + e.getMessage());
    }
  }

  private static Optional<Credentials> credentials(ImageReference image, Optional<Path> authfile)
      throws IOException {
    if (authfile.isEmpty()) {
      return Optional.empty();
    }
    return Authfile.read(authfile.get()).lookup(image);
  }

  private Map<String, Outcome<ImageInfo>> inspect(Set<String> images) {
    Map<String, Outcome<ImageInfo>> outcomes = new HashMap<>();
    try {
      Map<String, ImageInfo> found = engine.inspectImages(List.copyOf(images));
      for (String image : images) {
        ImageInfo info = found.get(image);
        outcomes.put(
            image,
            info != null
                ? Outcome.of(info)
                : Outcome.failed("inspecting local image '" + image + "': not in local storage"));
      }
    } catch (EngineException e) {
      images.forEach(
          image ->
              outcomes.put(
                  image,
                  Outcome.failed("inspecting local image '" + image + "': " + e.getMessage())));
    }
    return outcomes;
  }
}
