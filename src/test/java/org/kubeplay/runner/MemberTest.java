package org.kubeplay.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubeplay.kube.AutoUpdatePolicy;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.ExitCodePropagation;
import org.kubeplay.kube.Kind;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.Probes;
import org.kubeplay.kube.PullPolicy;
import org.kubeplay.kube.Resources;
import org.kubeplay.kube.RestartPolicy;
import org.kubeplay.kube.SdNotifyPolicy;
import org.kubeplay.kube.SecurityContext;

class MemberTest {
  @ParameterizedTest(name = "{0} after exit {1}: restart {2}")
  @CsvSource({
    "Always, 0, true",
    "Always, 1, true",
    "OnFailure, 0, false",
    "OnFailure, 2, true",
    "Never, 0, false",
    "Never, 137, false",
  })
  void restartFollowsThePodsPolicy(String policy, int code, boolean restarts) {
    Member member = member(RestartPolicy.fromWire(policy));

    assertEquals(restarts, member.restartsAfter(code));
  }

  @ParameterizedTest(name = "after {0} restarts wait {1} s")
  @CsvSource({"0, 1", "1, 2", "3, 8", "8, 256", "9, 300", "40, 300"})
  void backoffDoublesUpToFiveMinutes(int restarts, long seconds) {
    Member member = member(RestartPolicy.ALWAYS);
    member.restarts = restarts;

    assertEquals(seconds, member.backoffSeconds());
  }

  @Test
  void engineNameIsPodDashContainerAsPodmanNamesIt() {
    assertEquals("web-app", member(RestartPolicy.NEVER).engineName);
  }

  @Test
  void backoffStartsOverAfterALongRun() {
    Member member = member(RestartPolicy.ALWAYS);
    member.restarted();
    member.restarted();

    member.forgetRestartsIfItRanLong(Instant.now().plus(Member.BACKOFF_RESET));

    assertEquals(1, member.backoffSeconds());
  }

  @Test
  void backoffKeepsGrowingAfterAShortRun() {
    Member member = member(RestartPolicy.ALWAYS);
    member.restarted();
    member.restarted();

    member.forgetRestartsIfItRanLong(Instant.now().plusSeconds(5));

    assertEquals(4, member.backoffSeconds());
  }

  private static Member member(RestartPolicy policy) {
    var container =
        new Container(
            "app",
            "localhost/x:latest",
            Optional.empty(),
            PullPolicy.IF_NOT_PRESENT,
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Resources.NONE,
            SecurityContext.DEFAULT,
            Probes.NONE,
            Optional.empty(),
            false,
            false,
            SdNotifyPolicy.CONMON,
            AutoUpdatePolicy.DISABLED,
            Optional.empty());
    var pod =
        new Pod(
            "web",
            Kind.POD,
            List.of(container),
            List.of(),
            List.of(),
            policy,
            30,
            false,
            Optional.empty(),
            ExitCodePropagation.NONE,
            Map.of(),
            Map.of());
    return new Member(pod, container, Optional.empty(), Path.of("/run/kubeplay/test/c0.pid"));
  }
}
