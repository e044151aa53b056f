package org.kubeplay.update;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 9110, section 11.6.1): an auth scheme and
 * its parameters.
 *
 * @param scheme the scheme in lower case, e.g. {@code bearer} or {@code basic}
 * @param parameters the parameters, names in lower case, values unquoted
 */
public record Challenge(String scheme, Map<String, String> parameters) {
  /** Longest header parsed: real challenges are a few hundred characters. */
  static final int MAX_HEADER_CHARS = 8192;

  public Challenge {
    Objects.requireNonNull(scheme, "scheme");
    parameters = Map.copyOf(parameters);
  }

  /**
   * Parses a header holding one challenge, as registries send it.
   *
   * @throws IllegalArgumentException naming the header if it cannot be read
   */
  public static Challenge parse(String header) {
    if (header.length() > MAX_HEADER_CHARS) {
      throw new IllegalArgumentException(
          "WWW-Authenticate header longer than " + MAX_HEADER_CHARS + " characters");
    }
    String text = header.strip();
    int space = text.indexOf(' ');
    String scheme = space < 0 ? text : text.substring(0, space);
    if (scheme.isEmpty()) {
      throw new IllegalArgumentException("WWW-Authenticate header '" + header + "' has no scheme");
    }
    String rest = space < 0 ? "" : text.substring(space + 1);
    try {
      return new Challenge(scheme.toLowerCase(Locale.ROOT), new ParameterParser(rest).parse());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "WWW-Authenticate header '" + header + "': " + e.getMessage(), e);
    }
  }

  /** Whether the scheme is {@code Basic}. */
  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /** The bearer challenge, if this is one with a realm. */
  public Optional<BearerChallenge> bearer() {
    if (!scheme.equals("bearer") || !parameters.containsKey("realm")) {
      return Optional.empty();
    }
    return Optional.of(
        new BearerChallenge(
            parameters.get("realm"),
            Optional.ofNullable(parameters.get("service")),
            Optional.ofNullable(parameters.get("scope"))));
  }

  /** Reads {@code name=token} and {@code name="quoted \" string"} pairs separated by commas. */
  private static final class ParameterParser {
    private final String text;
    private int at;

    ParameterParser(String text) {
      this.text = text;
    }

    Map<String, String> parse() {
      Map<String, String> parameters = new HashMap<>();
      skip(" ,");
      while (at < text.length()) {
        String name = until("=").strip().toLowerCase(Locale.ROOT);
        expect('=');
        skip(" ");
        String value = peek() == '"' ? quoted() : until(",").strip();
        parameters.put(name, value);
        skip(" ,");
      }
      return parameters;
    }

    private String quoted() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (at < text.length() && text.charAt(at) != '"') {
        char c = text.charAt(at++);
        if (c == '\\' && at < text.length()) {
          c = text.charAt(at++);
        }
        value.append(c);
      }
      expect('"');
      return value.toString();
    }

    private String until(String stops) {
      int start = at;
      while (at < text.length() && stops.indexOf(text.charAt(at)) < 0) {
        at++;
      }
      return text.substring(start, at);
    }

    private void skip(String chars) {
      while (at < text.length() && chars.indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : 0;
    }

    private void expect(char c) {
      if (peek() != c) {
        String where = at < text.length() ? "before '" + text.substring(at) + "'" : "at the end";
        throw new IllegalArgumentException("expected '" + c + "' " + where);
      }
      at++;
    }
  }
}
