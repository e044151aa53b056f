package org.kubeplay.kube;

import java.util.Optional;

/** Tells fully qualified image names from short ones, and qualifies short ones by alias. */
final class ImageNames {
  private ImageNames() {}

  /**
   * Returns true if the image names its registry: its first path component has a dot or a port, or
   * is {@code localhost}, as container tools decide it.
   */
  static boolean isQualified(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String first = image.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost");
  }

  /**
   * Returns the image with its registry: itself if already qualified, else the alias of its
   * repository (tag or digest kept), else empty.
   */
  static Optional<String> qualify(String image, ShortNameAliases aliases) {
    if (isQualified(image)) {
      return Optional.of(image);
    }
    int suffixStart = suffixStart(image);
    String repository = image.substring(0, suffixStart);
    String suffix = image.substring(suffixStart);
    return aliases.resolve(repository).map(target -> target + suffix);
  }

  /** Returns where the tag ({@code :tag}) or digest ({@code @sha256:...}) starts, or the end. */
  private static int suffixStart(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      return at;
    }
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? colon : image.length();
  }
}
