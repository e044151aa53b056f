package org.kubeplay.kube;

/**
 * How a container's image is updated, from the annotations {@code io.containers.autoupdate} and
 * {@code io.containers.autoupdate/<container>}, with podman's names.
 */
public enum AutoUpdatePolicy implements WireName {
  /** Compare with the registry's digest; the image must be fully qualified. */
  REGISTRY("registry"),
  /** Compare with the local image of the same name. */
  LOCAL("local"),
  /** Never update. */
  DISABLED("disabled");

  /** Annotation naming the policy of every container of a pod. */
  public static final String ANNOTATION = "io.containers.autoupdate";

  /** Annotation naming the registry credentials file (auth.json) used to check for updates. */
  public static final String AUTHFILE_ANNOTATION = "io.containers.autoupdate.authfile";

  /** The older name of {@link #REGISTRY}, which podman still accepts. */
  static final String IMAGE_ALIAS = "image";

  private final String wireName;

  AutoUpdatePolicy(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the policy with the given wire name ({@code image} is {@link #REGISTRY}), or throws
   * listing the valid ones.
   */
  public static AutoUpdatePolicy fromWire(String text) {
    if (IMAGE_ALIAS.equals(text)) {
      return REGISTRY;
    }
    try {
      return WireName.lookup(AutoUpdatePolicy.class, text, "autoupdate policy");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + ", " + IMAGE_ALIAS, e);
    }
  }
}
