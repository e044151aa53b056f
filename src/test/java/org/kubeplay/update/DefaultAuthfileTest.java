package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The places containers-auth.json(5) gives, in its order. */
class DefaultAuthfileTest {
  @TempDir Path temp;

  @Test
  void placesOfAUserSessionFollowItsVariables() {
    var environment =
        Map.of(
            "XDG_RUNTIME_DIR", "/run/user/1000",
            "XDG_CONFIG_HOME", "/home/ann/cfg",
            "HOME", "/home/ann");

    assertEquals(
        List.of(
            Path.of("/run/user/1000/containers/auth.json"),
            Path.of("/home/ann/cfg/containers/auth.json"),
            Path.of("/home/ann/.docker/config.json")),
        DefaultAuthfile.places(environment, 1000));
  }

  @Test
  void placesOfAServiceWithoutSessionAreThePerUserRunFolderAndHome() {
    assertEquals(
        List.of(
            Path.of("/run/containers/0/auth.json"),
            Path.of("/root/.config/containers/auth.json"),
            Path.of("/root/.docker/config.json")),
        DefaultAuthfile.places(Map.of("HOME", "/root", "XDG_RUNTIME_DIR", ""), 0));
  }

  @Test
  void findTakesTheFirstPlaceThatHoldsAFile() throws Exception {
    Path runtime = Files.createDirectories(temp.resolve("run"));
    Path home = Files.createDirectories(temp.resolve("home"));
    Path docker = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
    Files.writeString(docker, "{\"auths\": {}}");
    var environment = Map.of("XDG_RUNTIME_DIR", runtime.toString(), "HOME", home.toString());

    assertEquals(Optional.of(docker), DefaultAuthfile.find(environment));

    Path login = Files.createDirectories(runtime.resolve("containers")).resolve("auth.json");
    Files.writeString(login, "{\"auths\": {}}");
    assertEquals(Optional.of(login), DefaultAuthfile.find(environment));
  }

  @Test
  void nothingFoundMeansNoCredentials() {
    var environment = Map.of("XDG_RUNTIME_DIR", temp.toString(), "HOME", temp.toString());

    assertEquals(Optional.empty(), DefaultAuthfile.find(environment));
  }
}
