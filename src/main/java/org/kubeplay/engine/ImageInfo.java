package org.kubeplay.engine;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What podman's image inspect tells about a local image.
 *
 * @param id the full image id (the config digest without its {@code sha256:} prefix)
 * @param digest the digest of the manifest podman stored, with its algorithm
 * @param repoDigests the image's names by digest, {@code repo@sha256:...}
 * @param repoTags the image's names by tag
 */
public record ImageInfo(String id, String digest, List<String> repoDigests, List<String> repoTags) {
  public ImageInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(digest, "digest");
    repoDigests = List.copyOf(repoDigests);
    repoTags = List.copyOf(repoTags);
  }

  /**
   * Every manifest digest the image is known by: its own and those of its repo digests.
   *
   * <p>A registry's digest for the image matches one of these, though after a push it may differ
   * from {@link #digest()} alone (podman recompresses layers when it pushes).
   */
  public Set<String> digests() {
    Set<String> all = new LinkedHashSet<>();
    if (!digest.isEmpty()) {
      all.add(digest);
    }
    for (String name : repoDigests) {
      int at = name.lastIndexOf('@');
      if (at >= 0) {
        all.add(name.substring(at + 1));
      }
    }
    return Collections.unmodifiableSet(all);
  }
}
