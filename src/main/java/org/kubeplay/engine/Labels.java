package org.kubeplay.engine;

/** Label keys that kubeplay puts on pods and containers, its own and those podman reads. */
public final class Labels {
  /** The systemd unit that runs the workload; podman auto-update restarts this unit. */
  public static final String PODMAN_SYSTEMD_UNIT = "PODMAN_SYSTEMD_UNIT";

  /** The auto-update policy podman auto-update reads: registry, local or disabled. */
  public static final String AUTOUPDATE = "io.containers.autoupdate";

  /** The registry credentials file podman auto-update uses for this container. */
  public static final String AUTOUPDATE_AUTHFILE = "io.containers.autoupdate.authfile";

  /** The YAML file a workload came from, so that {@code down} finds what it created. */
  public static final String KUBEPLAY_FILE = "io.kubeplay.file";

  /** The unit that played the workload, kubeplay's own copy of it. */
  public static final String KUBEPLAY_UNIT = "io.kubeplay.unit";

  private Labels() {}
}
