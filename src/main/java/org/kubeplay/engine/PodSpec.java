package org.kubeplay.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine needs to create a pod: its name, network, ports and labels.
 *
 * <p>The pod gets an infra container named {@code <name>-infra} that holds the shared namespaces.
 * Build one with {@link #builder(String, Owner)}.
 *
 * @param name the pod's name, as in the workload's metadata
 * @param owner the workload that owns the pod, written into its labels
 * @param hostname the hostname inside the pod, when it is not the pod's name
 * @param hostNetwork whether the pod uses the host's network namespace
 * @param ports ports published on the host
 * @param addHosts extra {@code /etc/hosts} entries as {@code host:ip}
 * @param exitPolicy what podman does with the pod when its last container exits
 * @param labels more labels, beside the owner's
 */
public record PodSpec(
    String name,
    Owner owner,
    Optional<String> hostname,
    boolean hostNetwork,
    List<PortMapping> ports,
    List<String> addHosts,
    ExitPolicy exitPolicy,
    Map<String, String> labels) {
  public PodSpec {
    Names.requireName("pod", name);
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(exitPolicy, "exitPolicy");
    ports = List.copyOf(ports);
    addHosts = List.copyOf(addHosts);
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    Names.requireLabels(labels);
    addHosts.forEach(entry -> Names.requireLabelValue("host entry", entry));
    if (hostNetwork && !ports.isEmpty()) {
      throw new IllegalArgumentException(
          "pod '" + name + "' publishes ports but uses the host network");
    }
  }

  /** The name podman gives the pod's infra container. */
  public String infraName() {
    return name + "-infra";
  }

  /** Every label the pod carries: the owner's, then the extra ones. */
  public Map<String, String> allLabels() {
    Map<String, String> all = new LinkedHashMap<>(owner.labels());
    all.putAll(labels);
    return all;
  }

  /** Starts a spec for a pod with default settings. */
  public static Builder builder(String name, Owner owner) {
    return new Builder(name, owner);
  }

  /** Collects a pod's settings with named steps. */
  public static final class Builder {
    private final String name;
    private final Owner owner;
    private Optional<String> hostname = Optional.empty();
    private boolean hostNetwork;
    private final List<PortMapping> ports = new ArrayList<>();
    private final List<String> addHosts = new ArrayList<>();
    private ExitPolicy exitPolicy = ExitPolicy.STOP;
    private final Map<String, String> labels = new LinkedHashMap<>();

    private Builder(String name, Owner owner) {
      this.name = name;
      this.owner = owner;
    }

    public Builder hostname(String value) {
      hostname = Optional.of(value);
      return this;
    }

    public Builder hostNetwork(boolean value) {
      hostNetwork = value;
      return this;
    }

    public Builder port(PortMapping port) {
      ports.add(port);
      return this;
    }

    public Builder addHost(String hostAndIp) {
      addHosts.add(hostAndIp);
      return this;
    }

    public Builder exitPolicy(ExitPolicy value) {
      exitPolicy = value;
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public PodSpec build() {
      return new PodSpec(name, owner, hostname, hostNetwork, ports, addHosts, exitPolicy, labels);
    }
  }
}
