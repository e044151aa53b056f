package org.kubeplay.kube;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One container of a pod, with its resolved readiness and auto-update policies.
 *
 * @param name the name in the manifest; podman names the container {@code <pod>-<name>}
 * @param image the image as written
 * @param qualifiedImage the image with its registry host: {@code image} itself when it names one,
 *     else its short-name alias from registries.conf, else empty
 * @param command the entrypoint ({@code command}); empty means the image's
 * @param args the arguments ({@code args}); empty means the image's
 * @param stopSignal {@code lifecycle.stopSignal}, such as {@code SIGINT}; empty means the image's
 * @param authfile the registry credentials file for auto-update checks, if annotated
 */
public record Container(
    String name,
    String image,
    Optional<String> qualifiedImage,
    PullPolicy pullPolicy,
    List<String> command,
    List<String> args,
    Optional<String> workingDir,
    List<EnvVar> env,
    List<EnvFrom> envFrom,
    List<Port> ports,
    List<VolumeMount> volumeMounts,
    Resources resources,
    SecurityContext securityContext,
    Probes probes,
    Optional<String> stopSignal,
    boolean stdin,
    boolean tty,
    SdNotifyPolicy sdNotify,
    AutoUpdatePolicy autoUpdate,
    Optional<String> authfile) {
  public Container {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(qualifiedImage, "qualifiedImage");
    Objects.requireNonNull(pullPolicy, "pullPolicy");
    command = List.copyOf(command);
    args = List.copyOf(args);
    Objects.requireNonNull(workingDir, "workingDir");
    env = List.copyOf(env);
    envFrom = List.copyOf(envFrom);
    ports = List.copyOf(ports);
    volumeMounts = List.copyOf(volumeMounts);
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(securityContext, "securityContext");
    Objects.requireNonNull(probes, "probes");
    Objects.requireNonNull(stopSignal, "stopSignal");
    Objects.requireNonNull(sdNotify, "sdNotify");
    Objects.requireNonNull(autoUpdate, "autoUpdate");
    Objects.requireNonNull(authfile, "authfile");
  }

  /** Returns this container with the policies its pod's annotations give it. */
  Container withPolicies(SdNotifyPolicy notify, AutoUpdatePolicy update, Optional<String> auth) {
    return new Container(
        name,
        image,
        qualifiedImage,
        pullPolicy,
        command,
        args,
        workingDir,
        env,
        envFrom,
        ports,
        volumeMounts,
        resources,
        securityContext,
        probes,
        stopSignal,
        stdin,
        tty,
        notify,
        update,
        auth);
  }
}
