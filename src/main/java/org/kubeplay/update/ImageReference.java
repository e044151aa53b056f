package org.kubeplay.update;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fully qualified image name split into what a registry request needs.
 *
 * @param host the registry as named, e.g. {@code quay.io} or {@code 127.0.0.1:5000}
 * @param repository the repository inside it, e.g. {@code podman/stable}
 * @param tag the tag; an image named by digest has none and cannot be updated
 */
public record ImageReference(String host, String repository, String tag) {
  /** Docker Hub's name in image references, and where its API really answers. */
  static final String DOCKER_HUB = "docker.io";

  static final String DOCKER_HUB_API = "registry-1.docker.io";

  private static final String DEFAULT_TAG = "latest";

  // The distribution spec's grammar for repository path components and tags.
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public ImageReference {
    Objects.requireNonNull(host, "host");
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("repository '" + repository + "' is not valid");
    }
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("tag '" + tag + "' is not valid");
    }
  }

  /**
   * Parses {@code host/repository[:tag]}; a missing tag is {@code latest}.
   *
   * @throws IllegalArgumentException if the name has no registry host, is pinned by digest, or is
   *     not a valid name
   */
  public static ImageReference parse(String image) {
    if (image.contains("@")) {
      throw new IllegalArgumentException(
          "image '" + image + "' is pinned by digest: there is no tag to follow");
    }
    int slash = image.indexOf('/');
    String first = slash < 0 ? "" : image.substring(0, slash);
    if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
      throw new IllegalArgumentException(
          "image '" + image + "' is not fully qualified: the registry policy needs its host");
    }
    String rest = image.substring(slash + 1);
    int colon = rest.lastIndexOf(':');
    String repository = colon < 0 ? rest : rest.substring(0, colon);
    String tag = colon < 0 ? DEFAULT_TAG : rest.substring(colon + 1);
    try {
      return new ImageReference(first, repository, tag);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("image '" + image + "': " + e.getMessage(), e);
    }
  }

  /** The host whose API serves the repository; Docker Hub's differs from its name. */
  public String apiHost() {
    return host.equals(DOCKER_HUB) ? DOCKER_HUB_API : host;
  }

  /** The repository as the API names it: Docker Hub's one-part names live in {@code library/}. */
  public String apiRepository() {
    return host.equals(DOCKER_HUB) && !repository.contains("/")
        ? "library/" + repository
        : repository;
  }

  /** The name without its tag, {@code host/repository}, as registries.conf prefixes match it. */
  public String name() {
    return host + "/" + repository;
  }

  @Override
  public String toString() {
    return name() + ":" + tag;
  }
}
