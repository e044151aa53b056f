package org.kubeplay.kube;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Checks object and container names against podman's rules and Kubernetes' stricter ones. */
final class Names {
  /** Longest name accepted: Kubernetes' limit for object names, and plenty for podman. */
  static final int MAX_NAME_LENGTH = 253;

  private static final Pattern PODMAN = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** Which Kubernetes rule a name must also meet to be portable. */
  enum Rule {
    /** Object names (pods, ConfigMaps...): RFC 1123 subdomain. */
    SUBDOMAIN,
    /** Container and volume names: RFC 1123 label. */
    LABEL
  }

  private Names() {}

  /**
   * Reports an error if podman refuses the name, a warning if only Kubernetes would; returns true
   * if the name is usable.
   */
  static boolean check(String name, Rule rule, Node at, String path, Diagnostics diagnostics) {
    if (name.length() > MAX_NAME_LENGTH || !PODMAN.matcher(name).matches()) {
      diagnostics.error(
          at,
          path,
          "invalid name '"
              + name
              + "': must match "
              + PODMAN.pattern()
              + " and have at most "
              + MAX_NAME_LENGTH
              + " characters");
      return false;
    }
    if (!kubernetesAccepts(name, rule)) {
      diagnostics.warning(
          at,
          path,
          "Kubernetes would refuse the name '"
              + name
              + "' (not an RFC 1123 "
              + (rule == Rule.LABEL ? "label" : "subdomain")
              + "); podman accepts it");
    }
    return true;
  }

  private static boolean kubernetesAccepts(String name, Rule rule) {
    return rule == Rule.LABEL
        ? DNS_LABEL.matcher(name).matches()
        : DNS_SUBDOMAIN.matcher(name).matches();
  }
}
