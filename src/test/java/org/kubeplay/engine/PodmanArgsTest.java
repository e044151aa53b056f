package org.kubeplay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodmanArgsTest {
  private static final Owner OWNER =
      new Owner(Path.of("/srv/web.yaml"), Optional.of("podman-kube@-srv-web.yaml.service"));

  @Test
  void podCreateCarriesNameNetworkPortsAndOwnerLabels() {
    PodSpec spec =
        PodSpec.builder("web", OWNER)
            .hostname("www")
            .port(new PortMapping(Optional.of("127.0.0.1"), 8080, 80, Protocol.TCP))
            .port(new PortMapping(Optional.empty(), 5353, 53, Protocol.UDP))
            .addHost("db:10.0.0.2")
            .label("tier", "front")
            .build();

    List<String> args = PodmanArgs.createPod(spec);

    assertEquals(
        List.of(
            "pod",
            "create",
            "--name=web",
            "--infra-name=web-infra",
            "--exit-policy=stop",
            "--hostname=www",
            "--publish=127.0.0.1:8080:80/tcp",
            "--publish=5353:53/udp",
            "--add-host=db:10.0.0.2",
            "--label=io.kubeplay.file=/srv/web.yaml",
            "--label=io.kubeplay.unit=podman-kube@-srv-web.yaml.service",
            "--label=PODMAN_SYSTEMD_UNIT=podman-kube@-srv-web.yaml.service",
            "--label=tier=front"),
        args);
  }

  @Test
  void podOnHostNetworkAsksForIt() {
    PodSpec spec = PodSpec.builder("web", OWNER).hostNetwork(true).build();

    assertTrue(PodmanArgs.createPod(spec).contains("--network=host"));
  }

  @Test
  void containerCreateMapsEverySetting() {
    ContainerSpec spec =
        ContainerSpec.builder("web", "server", "localhost/app:1", OWNER)
            .command(List.of("/bin/app", "--serve"))
            .args(List.of("-v", "two words"))
            .workingDir("/srv")
            .env("B", "2")
            .env("A", "x=y")
            .mount(new Mount.Bind(Path.of("/run/kp/notify"), "/run/notify", Mount.Access.READ_ONLY))
            .mount(new Mount.Volume("data", "/data", Mount.Access.READ_WRITE))
            .mount(new Mount.Tmpfs("/cache", OptionalLong.of(1048576)))
            .runAsUser(1000)
            .runAsGroup(100)
            .supplementalGroup(5)
            .readOnlyRootfs(true)
            .capAdd("NET_ADMIN")
            .capDrop("ALL")
            .memoryLimitBytes(67108864)
            .cpuLimitMillis(1500)
            .stopSignal("SIGINT")
            .stopTimeoutSeconds(30)
            .stdin(true)
            .tty(true)
            .autoUpdatePolicy("registry")
            .autoUpdateAuthfile(Path.of("/etc/auth.json"))
            .label("tier", "front")
            .pidFile(Path.of("/run/kp/c0.pid"))
            .build();

    List<String> args = PodmanArgs.createContainer(spec);

    assertEquals(
        List.of(
            "container",
            "create",
            "--name=web-server",
            "--pod=web",
            "--sdnotify=ignore",
            "--pull=never",
            "--workdir=/srv",
            "--env=B=2",
            "--env=A=x=y",
            "--interactive",
            "--tty",
            "--stop-signal=SIGINT",
            "--stop-timeout=30",
            "--user=1000:100",
            "--group-add=5",
            "--read-only",
            "--read-only-tmpfs=false",
            "--cap-add=NET_ADMIN",
            "--cap-drop=ALL",
            "--memory=67108864",
            "--cpus=1.5",
            "--mount=type=bind,source=/run/kp/notify,destination=/run/notify,ro=true",
            "--mount=type=volume,source=data,destination=/data",
            "--mount=type=tmpfs,destination=/cache,tmpfs-size=1048576",
            "--pidfile=/run/kp/c0.pid",
            "--label=io.kubeplay.file=/srv/web.yaml",
            "--label=io.kubeplay.unit=podman-kube@-srv-web.yaml.service",
            "--label=PODMAN_SYSTEMD_UNIT=podman-kube@-srv-web.yaml.service",
            "--label=io.containers.autoupdate=registry",
            "--label=io.containers.autoupdate.authfile=/etc/auth.json",
            "--label=tier=front",
            "--entrypoint=[\"/bin/app\",\"--serve\"]",
            "localhost/app:1",
            "-v",
            "two words"),
        args);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''         | ''      | localhost/app:1",
        "'/bin/sh'  | ''      | --entrypoint=[\"/bin/sh\"] localhost/app:1",
        "''         | 'a b'   | localhost/app:1 a b",
        "'/bin/sh'  | '-c x'  | --entrypoint=[\"/bin/sh\"] localhost/app:1 -c x",
      })
  void commandReplacesEntrypointAndArgsFollowTheImage(
      String command, String args, String expectedTail) {
    ContainerSpec spec =
        ContainerSpec.builder("web", "server", "localhost/app:1", OWNER)
            .command(words(command))
            .args(words(args))
            .build();

    List<String> created = PodmanArgs.createContainer(spec);

    String tail =
        String.join(" ", created.subList(created.size() - tailLength(spec), created.size()));
    assertEquals(expectedTail, tail);
  }

  @ParameterizedTest
  @CsvSource({"1000, 1", "1500, 1.5", "250, 0.25", "1, 0.001", "12000, 12"})
  void cpuLimitInMillisBecomesCpus(long millis, String cpus) {
    assertEquals(cpus, PodmanArgs.cpus(millis));
  }

  @Test
  void ipv6HostAddressIsBracketed() {
    PortMapping port = new PortMapping(Optional.of("::1"), 8080, 80, Protocol.TCP);

    assertEquals("[::1]:8080:80/tcp", port.publishValue());
  }

  private static List<String> words(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split(" "));
  }

  private static int tailLength(ContainerSpec spec) {
    return (spec.command().isEmpty() ? 0 : 1) + 1 + spec.args().size();
  }
}
