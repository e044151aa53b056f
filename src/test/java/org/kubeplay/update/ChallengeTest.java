package org.kubeplay.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChallengeTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Bearer realm=\"https://auth.example/token\",service=\"reg\",scope=\"repository:a/b:pull\""
            + "|https://auth.example/token|reg|repository:a/b:pull",
        "bearer realm=\"http://127.0.0.1:9/t\"|http://127.0.0.1:9/t||",
        "Bearer  realm = \"r\" , service=unquoted, scope=\"repository:x:pull,push\"|r|unquoted"
            + "|repository:x:pull,push",
        "Bearer Realm=\"r\\\"q\",SERVICE=\"s\"|r\"q|s|",
      })
  void bearerChallengeIsRead(String header, String realm, String service, String scope) {
    BearerChallenge challenge = Challenge.parse(header).bearer().orElseThrow();

    assertEquals(realm, challenge.realm());
    assertEquals(Optional.ofNullable(service), challenge.service());
    assertEquals(Optional.ofNullable(scope), challenge.scope());
  }

  @Test
  void basicChallengeIsNoBearer() {
    Challenge challenge = Challenge.parse("Basic realm=\"Registry Realm\"");

    assertEquals(true, challenge.isBasic());
    assertEquals(Optional.empty(), challenge.bearer());
  }

  @Test
  void bearerWithoutRealmIsNoBearer() {
    assertEquals(Optional.empty(), Challenge.parse("Bearer service=\"s\"").bearer());
  }

  @Test
  void unterminatedQuoteNamesTheHeader() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Challenge.parse("Bearer realm=\"x"));

    assertEquals(
        "WWW-Authenticate header 'Bearer realm=\"x': expected '\"' at the end", e.getMessage());
  }

  @Test
  void overlongHeaderIsRefused() {
    String header = "Bearer realm=\"" + "x".repeat(Challenge.MAX_HEADER_CHARS) + "\"";

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Challenge.parse(header));

    assertEquals("WWW-Authenticate header longer than 8192 characters", e.getMessage());
  }
}
