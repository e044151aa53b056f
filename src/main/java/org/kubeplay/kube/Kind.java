package org.kubeplay.kube;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The Kubernetes object kinds kubeplay knows, each with its apiVersion and the handler that reads
 * it: the kinds it runs or uses, and kinds it recognises but cannot run here (a warning).
 */
public enum Kind implements WireName {
  POD("v1", "Pod", ObjectReaders::pod),
  DEPLOYMENT("apps/v1", "Deployment", ObjectReaders::deployment),
  DAEMON_SET("apps/v1", "DaemonSet", ObjectReaders::daemonSet),
  JOB("batch/v1", "Job", ObjectReaders::job),
  CONFIG_MAP("v1", "ConfigMap", ObjectReaders::configMap),
  SECRET("v1", "Secret", ObjectReaders::secret),
  PERSISTENT_VOLUME_CLAIM("v1", "PersistentVolumeClaim", ObjectReaders::claim),
  LIST("v1", "List", ObjectReaders::list),
  SERVICE("v1", "Service", ObjectReaders::notRunnable),
  SERVICE_ACCOUNT("v1", "ServiceAccount", ObjectReaders::notRunnable),
  NAMESPACE("v1", "Namespace", ObjectReaders::notRunnable),
  PERSISTENT_VOLUME("v1", "PersistentVolume", ObjectReaders::notRunnable),
  INGRESS("networking.k8s.io/v1", "Ingress", ObjectReaders::notRunnable),
  NETWORK_POLICY("networking.k8s.io/v1", "NetworkPolicy", ObjectReaders::notRunnable),
  STATEFUL_SET("apps/v1", "StatefulSet", ObjectReaders::notRunnable),
  REPLICA_SET("apps/v1", "ReplicaSet", ObjectReaders::notRunnable),
  CRON_JOB("batch/v1", "CronJob", ObjectReaders::notRunnable),
  HORIZONTAL_POD_AUTOSCALER(
      "autoscaling/v2", "HorizontalPodAutoscaler", ObjectReaders::notRunnable),
  POD_DISRUPTION_BUDGET("policy/v1", "PodDisruptionBudget", ObjectReaders::notRunnable),
  ROLE("rbac.authorization.k8s.io/v1", "Role", ObjectReaders::notRunnable),
  ROLE_BINDING("rbac.authorization.k8s.io/v1", "RoleBinding", ObjectReaders::notRunnable),
  CLUSTER_ROLE("rbac.authorization.k8s.io/v1", "ClusterRole", ObjectReaders::notRunnable),
  CLUSTER_ROLE_BINDING(
      "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", ObjectReaders::notRunnable);

  /** Reads one object of a kind into the context. */
  interface Handler {
    void read(Node object, String path, ReadContext context);
  }

  private final String apiVersion;
  private final String wireName;
  private final Handler handler;

  Kind(String apiVersion, String wireName, Handler handler) {
    this.apiVersion = apiVersion;
    this.wireName = wireName;
    this.handler = handler;
  }

  /** Returns the apiVersion objects of this kind have, such as {@code apps/v1}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** Returns the kind as written in {@code kind:}, such as {@code Deployment}. */
  @Override
  public String wireName() {
    return wireName;
  }

  Handler handler() {
    return handler;
  }

  /** Returns the kind with this apiVersion and kind name, if kubeplay knows it. */
  public static Optional<Kind> find(String apiVersion, String kind) {
    return Arrays.stream(values())
        .filter(k -> k.apiVersion.equals(apiVersion) && k.wireName.equals(kind))
        .findFirst();
  }

  /** Returns the kinds with this name, whatever their apiVersion, to explain a mismatch. */
  static List<Kind> named(String kind) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(kind)).toList();
  }

  /** Returns the kind with the given wire name, or throws listing the valid ones. */
  public static Kind fromWire(String text) {
    return WireName.lookup(Kind.class, text, "kind");
  }
}
