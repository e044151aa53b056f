package org.kubeplay.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Creates, runs and removes pods, containers, images, volumes and secrets.
 *
 * <p>Containers are named {@code <pod>-<container>}. Every method throws {@link EngineException}
 * when the engine fails; an interrupted caller gets one too, with its interrupt flag set again.
 * Removals are idempotent: removing what is gone succeeds.
 */
public interface ContainerEngine {
  /** Creates a pod and its infra container, and returns the pod's id. */
  String createPod(PodSpec spec) throws EngineException;

  /** Starts a pod's infra container and any of its containers not running. */
  void startPod(String pod) throws EngineException;

  /** Stops every container of a pod, each with SIGKILL after {@code timeout}. */
  void stopPod(String pod, Duration timeout) throws EngineException;

  /** Sends {@code signal} (a name such as TERM, or a number) to every container of a pod. */
  void killPod(String pod, String signal) throws EngineException;

  /** Removes a pod and its containers, killing what still runs; stop it first to be gentle. */
  void removePod(String pod) throws EngineException;

  /** Whether a pod of this name exists. */
  boolean podExists(String pod) throws EngineException;

  /** Inspects a pod, or returns empty when there is none of this name. */
  Optional<PodInfo> inspectPod(String pod) throws EngineException;

  /** Lists the pods that carry label {@code key=value}. */
  List<PodSummary> listPodsByLabel(String key, String value) throws EngineException;

  /** Creates a container in its pod, and returns its id. */
  String createContainer(ContainerSpec spec) throws EngineException;

  /** Starts a created or stopped container. */
  void startContainer(String container) throws EngineException;

  /** Sends the container its stop signal, and SIGKILL after {@code timeout}. */
  void stopContainer(String container, Duration timeout) throws EngineException;

  /** Sends {@code signal} (a name such as TERM, or a number) to a container. */
  void killContainer(String container, String signal) throws EngineException;

  /** Removes a container, killing it if it still runs. */
  void removeContainer(String container) throws EngineException;

  /** Whether a container of this name exists. */
  boolean containerExists(String container) throws EngineException;

  /** Inspects a container, or returns empty when there is none of this name. */
  Optional<ContainerInfo> inspectContainer(String container) throws EngineException;

  /**
   * Inspects several containers in one go; those that no longer exist are left out. One podman call
   * serves them all, where a call each would start podman as many times.
   */
  List<ContainerInfo> inspectContainers(List<String> containers) throws EngineException;

  /** Lists the containers, running or not, that carry label {@code key}, whatever its value. */
  List<ContainerSummary> listContainersWithLabel(String key) throws EngineException;

  /** Lists the containers, running or not, that carry label {@code key=value}. */
  List<ContainerSummary> listContainersByLabel(String key, String value) throws EngineException;

  /**
   * Removes every pod and then every container that carries label {@code key=value}.
   *
   * <p>It tries them all; when some fail, it throws the first failure with the others suppressed.
   */
  void removeByLabel(String key, String value) throws EngineException;

  /**
   * Runs a command in a running container and waits for it at most {@code timeout}.
   *
   * <p>A command that fails is a result, not an exception: probes read its exit code.
   */
  ExecResult exec(String container, List<String> command, Duration timeout) throws EngineException;

  /** Blocks until the container's process has ended, and returns its exit code. */
  int waitForExit(String container) throws EngineException;

  /** Returns the last {@code lines} lines the container wrote, stdout and stderr together. */
  List<String> logs(String container, int lines) throws EngineException;

  /** Whether an image of this reference is in local storage. */
  boolean imageExists(String image) throws EngineException;

  /**
   * Pulls an image and returns its id; each progress line podman prints goes to {@code progress}
   * while the pull runs.
   *
   * @param authfile the registry credentials file, when not podman's default
   */
  String pullImage(String image, Optional<Path> authfile, Consumer<String> progress)
      throws EngineException;

  /** Inspects a local image, or returns empty when there is none of this reference. */
  Optional<ImageInfo> inspectImage(String image) throws EngineException;

  /**
   * Inspects several local images in one go, keyed by the reference asked for; those not in local
   * storage are left out.
   */
  Map<String, ImageInfo> inspectImages(List<String> images) throws EngineException;

  /** Gives the image {@code source} the extra name {@code target}. */
  void tagImage(String source, String target) throws EngineException;

  /** Takes the name {@code name} from an image, keeping the image. */
  void untagImage(String image, String name) throws EngineException;

  /** Removes a local image that no container uses. */
  void removeImage(String image) throws EngineException;

  /** Whether a volume of this name exists. */
  boolean volumeExists(String volume) throws EngineException;

  /** Creates a volume unless it exists; returns whether it was created. */
  boolean createVolume(String volume, Map<String, String> labels) throws EngineException;

  /** Removes a volume that no container uses. */
  void removeVolume(String volume) throws EngineException;

  /** Whether a secret of this name exists. */
  boolean secretExists(String secret) throws EngineException;

  /** Creates a secret holding {@code data}, passed to podman on its stdin. */
  void createSecret(String secret, byte[] data, Map<String, String> labels) throws EngineException;

  /** Removes a secret. */
  void removeSecret(String secret) throws EngineException;

  /** The pod's own IP address, where probes reach it; empty when it has none of its own. */
  Optional<String> podAddress(String pod) throws EngineException;
}
