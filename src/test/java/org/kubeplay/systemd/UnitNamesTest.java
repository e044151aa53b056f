package org.kubeplay.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks {@link UnitNames} against the real {@code /usr/bin/systemd-escape}. */
class UnitNamesTest {
  private static final String TEMPLATE = "podman-kube@.service";

  static Stream<String> trickyStrings() {
    return Stream.of(
        "",
        "/",
        "//",
        "///",
        ".",
        "..",
        "./.",
        "/./",
        "a",
        "/srv/web.yaml",
        "srv/web.yaml",
        "/srv/web.yaml/",
        "/srv//web.yaml",
        "//srv/web.yaml",
        "/srv/./web.yaml",
        "/srv/../web.yaml",
        "/srv/..",
        "./web.yaml",
        "/.hidden/web.yaml",
        "/srv/.hidden/.web.yaml",
        ".hidden",
        "-dash",
        "/-dash/a-b--c-",
        "a b",
        "/srv/my web/pod.yaml",
        "tab\there",
        "new\nline",
        "héllo/wörld",
        "/srv/日本語.yaml",
        "emoji 🚀",
        "back\\slash",
        "\\x2d",
        "colon:under_score",
        "at@sign",
        "quote'\"",
        "*?[]",
        "~/%n%i$x",
        "a".repeat(235),
        "a".repeat(236),
        "a".repeat(5000),
        "/" + "a".repeat(255),
        "/" + "a".repeat(256),
        "/" + "é".repeat(127),
        "/" + "é".repeat(128),
        deepPath(4095),
        deepPath(4096),
        "/".repeat(5000) + "a");
  }

  static Stream<String> trickyEscapes() {
    return Stream.of(
        "",
        "-",
        "--",
        "a",
        "-a",
        "a-",
        "a--b",
        "srv-web.yaml",
        "-srv-web.yaml",
        "a-.-b",
        "a-..-b",
        "a-.b",
        ".",
        "..",
        "\\x2ehidden",
        "a\\x2db",
        "a\\x2Db",
        "a\\x2fb",
        "\\x2fa",
        "a\\x2f",
        "a\\x20b",
        "h\\xc3\\xa9llo",
        "\\xf0\\x9f\\x9a\\x80",
        "a\\x2",
        "a\\x",
        "a\\",
        "a\\y20",
        "a\\X20",
        "a\\x2g",
        "a\\\\x20",
        "podman-kube@x.service",
        "a".repeat(255),
        "a".repeat(256),
        "a".repeat(100) + "-" + "a".repeat(255),
        String.join("-", nCopies("a".repeat(99), 41)));
  }

  @ParameterizedTest
  @MethodSource("trickyStrings")
  void escapeMatchesSystemdEscape(String input) throws Exception {
    assertSameAs(run(List.of(), input), () -> UnitNames.escape(input));
  }

  @ParameterizedTest
  @MethodSource("trickyStrings")
  void escapePathMatchesSystemdEscape(String input) throws Exception {
    assertSameAs(run(List.of("--path"), input), () -> UnitNames.escapePath(input));
  }

  @ParameterizedTest
  @MethodSource("trickyStrings")
  void templateInstanceMatchesSystemdEscape(String input) throws Exception {
    Outcome expected = run(List.of("--template=" + TEMPLATE), input);

    assertSameAs(expected, () -> UnitNames.instanceOf(TEMPLATE, UnitNames.escape(input)));
  }

  @ParameterizedTest
  @MethodSource("trickyStrings")
  void templatePathInstanceMatchesSystemdEscape(String input) throws Exception {
    Outcome expected = run(List.of("--path", "--template=" + TEMPLATE), input);

    assertSameAs(expected, () -> UnitNames.instanceOf(TEMPLATE, UnitNames.escapePath(input)));
  }

  @ParameterizedTest
  @MethodSource("trickyEscapes")
  void unescapeMatchesSystemdEscape(String input) throws Exception {
    assertSameAs(run(List.of("--unescape"), input), () -> UnitNames.unescape(input));
  }

  @ParameterizedTest
  @MethodSource("trickyEscapes")
  void unescapePathMatchesSystemdEscape(String input) throws Exception {
    assertSameAs(run(List.of("--unescape", "--path"), input), () -> UnitNames.unescapePath(input));
  }

  @ParameterizedTest
  @MethodSource("normalizedPaths")
  void unescapePathUndoesEscapePath(String path) {
    String escaped = UnitNames.escapePath(path);

    assertEquals(path, UnitNames.unescapePath(escaped));
  }

  static Stream<String> normalizedPaths() {
    return Stream.of(
        "/",
        "/srv/web.yaml",
        "/.hidden/-dash-/a b/日本語 🚀/\\x20",
        "/" + "a".repeat(255),
        deepPath(4095));
  }

  @ParameterizedTest
  @MethodSource("trickyEscapes")
  void instanceNameRoundTripsThroughInstance(String input) {
    if (input.isEmpty() || input.length() > 200) {
      return;
    }

    String unit = UnitNames.instanceOf(TEMPLATE, input);

    assertEquals(input, UnitNames.instance(unit));
  }

  @Test
  void templateMustBeOfTheFormPrefixAtDotType() {
    for (String template :
        List.of("foo@bar.service", "foo.service", "@.service", "foo@.bogus", "f o@.service")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> UnitNames.instanceOf(template, "x"));

      assertEquals("template name '" + template + "' is not valid", e.getMessage());
    }
  }

  @Test
  void unitNameLongerThanTheLimitIsRefusedWithItsLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> UnitNames.instanceOf(TEMPLATE, "a".repeat(236)));

    assertEquals(
        "unit name 'podman-kube@" + "a".repeat(236) + ".service' is longer than 255 characters",
        e.getMessage());
  }

  @Test
  void escapedNulIsRefusedWhereSystemdEscapeWouldTruncate() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UnitNames.unescape("a\\x00b"));

    assertEquals("unescaping 'a\\x00b': escaped NUL byte", e.getMessage());
  }

  @Test
  void unescapedBytesThatAreNotUtf8AreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UnitNames.unescape("a\\xffb"));

    assertEquals("unescaping 'a\\xffb': result is not valid UTF-8", e.getMessage());
  }

  @Test
  void instanceOfANameWithoutInstanceIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UnitNames.instance("foo@.service"));

    assertEquals("unit name 'foo@.service' is not an instance of a template", e.getMessage());
  }

  @Test
  void escapePathNamesTheProblemOfAPathWithDotDot() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UnitNames.escapePath("/srv/../x"));

    assertEquals("escaping path '/srv/../x': not a normalized file system path", e.getMessage());
  }

  private interface Escaper {
    String apply();
  }

  /** What systemd-escape printed on stdout, or null when it failed. */
  private record Outcome(String output) {}

  private static void assertSameAs(Outcome expected, Escaper escaper) {
    if (expected.output() == null) {
      assertThrows(IllegalArgumentException.class, escaper::apply);
    } else {
      assertEquals(expected.output(), escaper.apply());
    }
  }

  /**
   * Runs systemd-escape on the input's UTF-8 bytes, which bash's printf rebuilds from {@code \xNN}
   * escapes so that the JVM's own argument encoding cannot alter them.
   */
  private static Outcome run(List<String> options, String input) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "-c", SCRIPT, "bash"));
    command.add(hexEscaped(input));
    command.addAll(options);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] stdout = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("systemd-escape did not finish");
    }
    if (process.exitValue() != 0) {
      return new Outcome(null);
    }
    String printed = new String(stdout, StandardCharsets.UTF_8);
    return new Outcome(printed.substring(0, printed.length() - 1));
  }

  // The sentinel keeps trailing newlines, which command substitution would strip.
  private static final String SCRIPT =
      "input=\"$(printf '%b.' \"$1\")\"; shift;"
          + " exec /usr/bin/systemd-escape \"$@\" -- \"${input%.}\"";

  private static String hexEscaped(String input) {
    StringBuilder hex = new StringBuilder();
    for (byte b : input.getBytes(StandardCharsets.UTF_8)) {
      hex.append(String.format("\\x%02x", b & 0xff));
    }
    return hex.toString();
  }

  private static String deepPath(int length) {
    StringBuilder path = new StringBuilder();
    while (path.length() < length) {
      path.append('/').append("d".repeat(99));
    }
    return path.substring(0, length);
  }

  private static List<String> nCopies(String value, int count) {
    return Collections.nCopies(count, value);
  }
}
