package org.kubeplay.kube;

/**
 * The known-field tables of every object type kubeplay reads, after the Kubernetes API reference
 * (core/v1, apps/v1, batch/v1).
 */
final class Schemas {
  static final Schema OBJECT_META =
      Schema.of(
          "ObjectMeta",
          "name labels annotations",
          "generateName",
          "namespace uid resourceVersion generation creationTimestamp deletionTimestamp"
              + " deletionGracePeriodSeconds ownerReferences finalizers managedFields selfLink");

  static final Schema POD = Schema.of("Pod", "apiVersion kind metadata spec", "", "status");
  static final Schema DEPLOYMENT =
      Schema.of("Deployment", "apiVersion kind metadata spec", "", "status");
  static final Schema DAEMON_SET =
      Schema.of("DaemonSet", "apiVersion kind metadata spec", "", "status");
  static final Schema JOB = Schema.of("Job", "apiVersion kind metadata spec", "", "status");
  static final Schema CONFIG_MAP =
      Schema.of("ConfigMap", "apiVersion kind metadata data binaryData", "", "immutable");
  static final Schema SECRET =
      Schema.of("Secret", "apiVersion kind metadata data stringData type", "", "immutable");
  static final Schema PVC =
      Schema.of("PersistentVolumeClaim", "apiVersion kind metadata spec", "", "status");
  static final Schema LIST = Schema.of("List", "apiVersion kind metadata items", "", "");

  static final Schema DEPLOYMENT_SPEC =
      Schema.of(
          "DeploymentSpec",
          "template replicas",
          "strategy minReadySeconds revisionHistoryLimit progressDeadlineSeconds paused",
          "selector");
  static final Schema DAEMON_SET_SPEC =
      Schema.of(
          "DaemonSetSpec",
          "template",
          "updateStrategy minReadySeconds revisionHistoryLimit",
          "selector");
  static final Schema JOB_SPEC =
      Schema.of(
          "JobSpec",
          "template",
          "parallelism completions backoffLimit activeDeadlineSeconds ttlSecondsAfterFinished"
              + " completionMode suspend podFailurePolicy backoffLimitPerIndex maxFailedIndexes"
              + " podReplacementPolicy successPolicy managedBy",
          "selector manualSelector");
  static final Schema POD_TEMPLATE = Schema.of("PodTemplateSpec", "metadata spec", "", "");

  static final Schema POD_SPEC =
      Schema.of(
          "PodSpec",
          "containers initContainers volumes restartPolicy terminationGracePeriodSeconds"
              + " hostNetwork hostname",
          "nodeSelector tolerations affinity serviceAccountName serviceAccount"
              + " automountServiceAccountToken nodeName priorityClassName priority"
              + " schedulerName securityContext dnsPolicy dnsConfig hostPID hostIPC"
              + " shareProcessNamespace subdomain hostAliases imagePullSecrets"
              + " activeDeadlineSeconds enableServiceLinks ephemeralContainers overhead"
              + " preemptionPolicy readinessGates runtimeClassName setHostnameAsFQDN"
              + " topologySpreadConstraints os hostUsers schedulingGates resourceClaims"
              + " resources",
          "");

  static final Schema CONTAINER =
      Schema.of(
          "Container",
          "name image imagePullPolicy command args workingDir env envFrom ports volumeMounts"
              + " resources securityContext livenessProbe readinessProbe startupProbe"
              + " lifecycle stdin tty",
          "stdinOnce terminationMessagePath terminationMessagePolicy volumeDevices"
              + " resizePolicy restartPolicy",
          "");
  static final Schema ENV_VAR = Schema.of("EnvVar", "name value valueFrom", "", "");
  static final Schema ENV_VAR_SOURCE =
      Schema.of("EnvVarSource", "configMapKeyRef secretKeyRef fieldRef", "resourceFieldRef", "");
  static final Schema KEY_SELECTOR = Schema.of("KeySelector", "name key optional", "", "");
  static final Schema FIELD_SELECTOR =
      Schema.of("ObjectFieldSelector", "fieldPath", "", "apiVersion");
  static final Schema ENV_FROM =
      Schema.of("EnvFromSource", "prefix configMapRef secretRef", "", "");
  static final Schema ENV_FROM_REF = Schema.of("EnvFromReference", "name optional", "", "");
  static final Schema PORT =
      Schema.of("ContainerPort", "containerPort hostPort hostIP protocol name", "", "");
  static final Schema VOLUME_MOUNT =
      Schema.of(
          "VolumeMount",
          "name mountPath readOnly subPath",
          "mountPropagation subPathExpr recursiveReadOnly",
          "");
  static final Schema RESOURCES =
      Schema.of("ResourceRequirements", "requests limits", "claims", "");
  static final Schema SECURITY_CONTEXT =
      Schema.of(
          "SecurityContext",
          "runAsUser runAsGroup privileged readOnlyRootFilesystem capabilities",
          "runAsNonRoot allowPrivilegeEscalation seLinuxOptions seccompProfile procMount"
              + " windowsOptions appArmorProfile",
          "");
  static final Schema CAPABILITIES = Schema.of("Capabilities", "add drop", "", "");
  static final Schema PROBE =
      Schema.of(
          "Probe",
          "exec httpGet tcpSocket initialDelaySeconds periodSeconds timeoutSeconds"
              + " successThreshold failureThreshold",
          "grpc terminationGracePeriodSeconds",
          "");
  static final Schema EXEC = Schema.of("ExecAction", "command", "", "");
  static final Schema HTTP_GET =
      Schema.of("HTTPGetAction", "path port host scheme httpHeaders", "", "");
  static final Schema HTTP_HEADER = Schema.of("HTTPHeader", "name value", "", "");
  static final Schema TCP_SOCKET = Schema.of("TCPSocketAction", "port host", "", "");
  static final Schema LIFECYCLE = Schema.of("Lifecycle", "stopSignal", "postStart preStop", "");

  static final Schema VOLUME =
      Schema.of(
          "Volume",
          "name hostPath emptyDir configMap secret persistentVolumeClaim",
          "nfs csi projected downwardAPI ephemeral image iscsi rbd cephfs cinder fc flocker"
              + " flexVolume glusterfs gitRepo awsElasticBlockStore gcePersistentDisk"
              + " azureDisk azureFile vsphereVolume quobyte portworxVolume photonPersistentDisk"
              + " scaleIO storageos",
          "");
  static final Schema HOST_PATH = Schema.of("HostPathVolumeSource", "path type", "", "");
  static final Schema EMPTY_DIR = Schema.of("EmptyDirVolumeSource", "medium sizeLimit", "", "");
  static final Schema CONFIG_MAP_VOLUME =
      Schema.of("ConfigMapVolumeSource", "name items defaultMode optional", "", "");
  static final Schema SECRET_VOLUME =
      Schema.of("SecretVolumeSource", "secretName items defaultMode optional", "", "");
  static final Schema KEY_TO_PATH = Schema.of("KeyToPath", "key path mode", "", "");
  static final Schema CLAIM_VOLUME =
      Schema.of("PersistentVolumeClaimVolumeSource", "claimName readOnly", "", "");

  static final Schema PVC_SPEC =
      Schema.of(
          "PersistentVolumeClaimSpec",
          "accessModes resources",
          "storageClassName volumeName volumeMode selector dataSource dataSourceRef"
              + " volumeAttributesClassName",
          "");
  static final Schema PVC_RESOURCES =
      Schema.of("VolumeResourceRequirements", "requests", "limits", "");

  private Schemas() {}
}
