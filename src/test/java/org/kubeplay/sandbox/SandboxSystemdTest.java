package org.kubeplay.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.testing.Sandbox;

/** The sandbox's systemd is real: Type=notify units wait for READY=1, as on a host. */
@Tag("integration")
class SandboxSystemdTest {
  private static final String UNIT = "kubeplay-sandbox-check.service";
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path temp;

  @AfterEach
  void stopUnit() {
    Sandbox.systemctl("stop", UNIT);
  }

  @Test
  void notifyUnitBecomesActiveOnlyAfterReady() throws Exception {
    Path gate = temp.resolve("gate");
    Sandbox.writeUnit(UNIT, notifyUnitWaitingFor(gate));

    Sandbox.systemctl("start", "--no-block", UNIT);
    Sandbox.awaitUnitProperty(UNIT, "SubState", "start"::equals, DEADLINE);
    assertEquals("activating", Sandbox.unitProperty(UNIT, "ActiveState"));

    Files.createFile(gate);
    Sandbox.awaitUnitProperty(UNIT, "ActiveState", "active"::equals, DEADLINE);
    assertEquals("gate open", Sandbox.unitProperty(UNIT, "StatusText"));

    Sandbox.systemctl("stop", UNIT);
    assertEquals("inactive", Sandbox.unitProperty(UNIT, "ActiveState"));
  }

  /** A unit whose main process sends READY=1 only once the gate file exists. */
  private static String notifyUnitWaitingFor(Path gate) {
    return """
        [Service]
        Type=notify
        NotifyAccess=all
        ExecStart=/bin/sh -c 'while [ ! -e %s ]; do sleep 0.05; done; \
        systemd-notify --ready --status="gate open"; exec sleep infinity'
        """
        .formatted(gate);
  }
}
