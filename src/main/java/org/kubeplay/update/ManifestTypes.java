package org.kubeplay.update;

import java.util.List;

/**
 * The manifest media types a digest check accepts, every kind an image name may point to.
 *
 * <p>A registry asked without the list types answers with a single-platform manifest it converts,
 * whose digest is not the one a pull records; without the Docker types, an old registry answers 404
 * for images pushed in Docker's format.
 */
final class ManifestTypes {
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  /** Every type, lists first. */
  static final List<String> ALL = List.of(OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

  private ManifestTypes() {}

  /** The value of the Accept header of a manifest request. */
  static String acceptHeader() {
    return String.join(", ", ALL);
  }
}
