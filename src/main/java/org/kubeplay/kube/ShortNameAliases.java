package org.kubeplay.kube;

import java.util.Map;
import java.util.Optional;

/**
 * Resolves short image names ({@code alpine}) to fully qualified ones ({@code
 * docker.io/library/alpine}), as the {@code [aliases]} table of registries.conf does.
 */
@FunctionalInterface
public interface ShortNameAliases {
  /** Returns the qualified repository for a short repository name without tag. */
  Optional<String> resolve(String shortName);

  /** Returns aliases from a fixed table, for tests and embedding. */
  static ShortNameAliases of(Map<String, String> aliases) {
    Map<String, String> copy = Map.copyOf(aliases);
    return name -> Optional.ofNullable(copy.get(name));
  }

  /**
   * Returns the aliases of this machine's registries.conf, read on first use: the file that {@code
   * $CONTAINERS_REGISTRIES_CONF} names, else {@code /etc/containers/registries.conf} and {@code
   * /etc/containers/registries.conf.d/*.conf}.
   */
  static ShortNameAliases system() {
    return RegistriesConf.system();
  }
}
