package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthfileTest {
  private static final String AUTHFILE =
      """
      {"auths": {
        "registry.example": {"auth": "%s"},
        "registry.example/team": {"auth": "%s"},
        "https://index.docker.io/v1/": {"auth": "%s"},
        "127.0.0.1:5001": {"auth": "%s"}
      }}
      """
          .formatted(auth("host:pw1"), auth("team:pw2"), auth("hub:pw3"), auth("local:a:b"));

  @ParameterizedTest
  @CsvSource({
    "registry.example/app:1, host, pw1",
    "registry.example/team/app, team, pw2",
    "registry.example/teamx/app, host, pw1",
    "docker.io/library/busybox, hub, pw3",
    "127.0.0.1:5001/app, local, a:b",
  })
  void longestPrefixEntryGivesTheCredentials(String image, String user, String password) {
    Authfile authfile = Authfile.parse(AUTHFILE);

    assertEquals(
        Optional.of(new Credentials(user, password)), authfile.lookup(ImageReference.parse(image)));
  }

  @Test
  void imageOfAnotherRegistryHasNone() {
    assertEquals(
        Optional.empty(), Authfile.parse(AUTHFILE).lookup(ImageReference.parse("quay.io/x/y")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"auths\": []}|'auths' is not an object",
        "{\"auths\": 3}|'auths' is not an object",
        "{\"auths\": {\"h\": {}}}|entry 'h' has no 'auth' string",
        "{\"auths\": {\"h\": {\"auth\": \"%%%\"}}}|auth of entry 'h' is not base64",
        "{\"auths\": {\"h\": {\"auth\": \"bm9jb2xvbg==\"}}}|auth of entry 'h' is not 'user:password'",
      })
  void malformedAuthfileSaysWhy(String json, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Authfile.parse(json));

    assertEquals(message, e.getMessage());
  }

  @Test
  void unreadableFileIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("auth.json");
    Files.writeString(file, "{not json");

    IOException e = assertThrows(IOException.class, () -> Authfile.read(file));

    assertEquals(true, e.getMessage().startsWith("reading authfile '" + file + "': not JSON"));
  }

  @Test
  void credentialsNeverShowTheirPassword() {
    assertEquals(
        "Credentials[username=u, password=<hidden>]", new Credentials("u", "secret").toString());
  }

  private static String auth(String pair) {
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
