package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubeplay.engine.PodmanEngine;
import org.kubeplay.systemd.SystemdManager;

/**
 * A real registry with token auth: the check gets a token with the authfile's credentials, and
 * fails saying so without them.
 */
@Tag("integration")
class AutoUpdateBearerTokenIntegrationTest {
  private final Credentials user = new Credentials("kubeplay", UUID.randomUUID().toString());

  @TempDir Path dir;

  private UpdateFixture fixture;
  private TokenRegistry registry;
  private SystemdManager systemd;
  private AutoUpdater updater;

  @BeforeEach
  void start() throws Exception {
    fixture = new UpdateFixture(dir);
    Path storage = Path.of(System.getenv("KUBEPLAY_SANDBOX_STATE"), "registry");
    registry = new TokenRegistry(Files.createDirectory(dir.resolve("token")), storage, user);
    systemd = SystemdManager.connectUser();
    RegistryClient client = new RegistryClient(Set.of(registry.address));
    updater = new AutoUpdater(new PodmanEngine(), systemd, client, Map.of(), Restarter.SETTLE_TIME);
  }

  @AfterEach
  void stop() throws Exception {
    systemd.close();
    registry.close();
    fixture.close();
  }

  @Test
  void tokenRegistryIsCheckedWithTheAuthfilesCredentialsAndRefusedWithout() throws Exception {
    String repository = "upd-tok-" + fixture.id;
    String open = fixture.registry + "/" + repository + ":latest";
    String guarded = registry.address + "/" + repository + ":latest";
    fixture.build("localhost/" + repository + ":v1", "v1");
    fixture.push("localhost/" + repository + ":v1", open);
    fixture.pull(open);
    fixture.tag(open, guarded);
    String unit = fixture.workload("tok" + fixture.id, guarded, "registry", false);
    fixture.start(unit);
    fixture.build("localhost/" + repository + ":v2", "v2");
    fixture.push("localhost/" + repository + ":v2", open);
    UpdateOptions check = UpdateOptions.all().asDryRun().forUnits(List.of(unit));

    UpdateRun right = updater.run(withAuthfile(check, user));
    UpdateRun wrong = updater.run(withAuthfile(check, new Credentials(user.username(), "wrong")));
    UpdateRun none = updater.run(check);

    assertEquals(UpdateResult.PENDING, right.rows().get(0).updated(), right.toString());
    assertEquals(UpdateResult.FAILED, wrong.rows().get(0).updated(), wrong.toString());
    assertTrue(
        wrong
            .rows()
            .get(0)
            .reason()
            .orElseThrow()
            .endsWith("token server answered 401 with the authfile's credentials"),
        wrong.toString());
    assertEquals(UpdateResult.FAILED, none.rows().get(0).updated(), none.toString());
    assertTrue(
        none.rows()
            .get(0)
            .reason()
            .orElseThrow()
            .endsWith("token server answered 401 without credentials"),
        none.toString());
  }

  private UpdateOptions withAuthfile(UpdateOptions options, Credentials credentials)
      throws Exception {
    String pair = credentials.username() + ":" + credentials.password();
    String auth = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("auth-" + UUID.randomUUID() + ".json");
    Files.writeString(
        file, "{\"auths\": {\"" + registry.address + "\": {\"auth\": \"" + auth + "\"}}}");
    return new UpdateOptions(
        options.dryRun(), options.rollback(), options.units(), Optional.of(file));
  }
}
