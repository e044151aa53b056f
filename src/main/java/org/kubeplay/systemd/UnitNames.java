package org.kubeplay.systemd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Escapes strings and paths into unit-name parts and back, exactly as {@code systemd-escape} does.
 *
 * <p>All methods work on the UTF-8 bytes of their input: every byte outside the characters systemd
 * allows in unit names becomes {@code \xNN}. Input that systemd-escape refuses is refused here with
 * an {@link IllegalArgumentException}. Two deliberate differences: a NUL character, which a command
 * line cannot carry, is refused in either direction, and an unescaped result that is not valid
 * UTF-8 is refused rather than returned as raw bytes.
 *
 * @see <a
 *     href="https://www.freedesktop.org/software/systemd/man/systemd.unit.html">systemd.unit(5),
 *     "String Escaping for Inclusion in Unit Names"</a>
 */
public final class UnitNames {
  /** Longest unit name systemd accepts, in bytes (UNIT_NAME_MAX less the terminating NUL). */
  public static final int MAX_UNIT_NAME_LENGTH = 255;

  /** Longest file system path systemd accepts, in bytes (PATH_MAX less the terminating NUL). */
  static final int MAX_PATH_LENGTH = 4095;

  /** Longest single path component systemd accepts, in bytes (NAME_MAX). */
  static final int MAX_PATH_COMPONENT_LENGTH = 255;

  private static final Set<String> UNIT_TYPES =
      Set.of(
          "service",
          "socket",
          "target",
          "device",
          "mount",
          "automount",
          "swap",
          "timer",
          "path",
          "slice",
          "scope");

  private UnitNames() {}

  /** Escapes a string as {@code systemd-escape STRING} does: slashes become dashes. */
  public static String escape(String value) {
    return ascii(escapeBytes(utf8(value)));
  }

  /**
   * Escapes a file system path as {@code systemd-escape --path PATH} does: the path is simplified
   * first (duplicate slashes and {@code .} components dropped), the root becomes {@code -}.
   *
   * @throws IllegalArgumentException for a path with {@code ..}, a relative path that simplifies to
   *     {@code .}, or one longer than systemd's path limits
   */
  public static String escapePath(String path) {
    byte[] bytes = utf8(path);
    if (bytes.length == 0) {
      return "-";
    }
    List<String> components = simplifiedComponents(path);
    if (components.isEmpty() && path.startsWith("/")) {
      return "-";
    }
    if (components.isEmpty()) {
      throw new IllegalArgumentException(
          "escaping path '" + path + "': not an absolute file system path");
    }
    String simplified = (path.startsWith("/") ? "/" : "") + String.join("/", components);
    requireNormalized(simplified, "escaping path '" + path + "'");
    return ascii(escapeBytes(utf8(String.join("/", components))));
  }

  /**
   * Puts an escaped instance into a template, as {@code systemd-escape --template=TEMPLATE} does:
   * {@code instanceOf("podman-kube@.service", "srv-web.yaml")} is {@code
   * podman-kube@srv-web.yaml.service}.
   *
   * @throws IllegalArgumentException if the template is not of the form {@code prefix@.type}, the
   *     instance is empty or holds characters an escaped string cannot, or the resulting name is
   *     longer than {@link #MAX_UNIT_NAME_LENGTH}
   */
  public static String instanceOf(String template, String escapedInstance) {
    int at = template.indexOf('@');
    if (at <= 0
        || !template.startsWith("@.", at)
        || !isUnitType(template.substring(at + 2))
        || !template.substring(0, at).chars().allMatch(UnitNames::isNameChar)) {
      throw new IllegalArgumentException("template name '" + template + "' is not valid");
    }
    if (!validInstance(escapedInstance)) {
      throw new IllegalArgumentException(
          "instance '" + escapedInstance + "' for template '" + template + "' is not valid");
    }
    String name = template.substring(0, at + 1) + escapedInstance + template.substring(at + 1);
    if (name.length() > MAX_UNIT_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "unit name '" + name + "' is longer than " + MAX_UNIT_NAME_LENGTH + " characters");
    }
    return name;
  }

  /**
   * Returns the escaped instance of a template instance's name: {@code srv-web.yaml} for {@code
   * podman-kube@srv-web.yaml.service}.
   *
   * @throws IllegalArgumentException if the name has no non-empty instance or no unit type
   */
  public static String instance(String unitName) {
    int at = unitName.indexOf('@');
    int dot = unitName.lastIndexOf('.');
    if (at <= 0 || dot <= at + 1 || !isUnitType(unitName.substring(dot + 1))) {
      throw new IllegalArgumentException(
          "unit name '" + unitName + "' is not an instance of a template");
    }
    return unitName.substring(at + 1, dot);
  }

  /** Undoes {@link #escape}, as {@code systemd-escape --unescape STRING} does. */
  public static String unescape(String escaped) {
    return utf8(unescapeBytes(escaped), "unescaping '" + escaped + "'");
  }

  /**
   * Undoes {@link #escapePath}, as {@code systemd-escape --unescape --path STRING} does: the result
   * is an absolute, normalized path.
   */
  public static String unescapePath(String escaped) {
    String context = "unescaping path '" + escaped + "'";
    if (escaped.isEmpty()) {
      throw new IllegalArgumentException(context + ": empty string");
    }
    if (escaped.equals("-")) {
      return "/";
    }
    String relative = unescape(escaped);
    if (relative.startsWith("/") || relative.endsWith("/")) {
      throw new IllegalArgumentException(context + ": leading or trailing slash");
    }
    String path = "/" + relative;
    requireNormalized(path, context);
    return path;
  }

  private static boolean isUnitType(String type) {
    return UNIT_TYPES.contains(type);
  }

  private static boolean validInstance(String instance) {
    return !instance.isEmpty() && instance.chars().allMatch(c -> isNameChar(c) || c == '@');
  }

  /** Splits a path and drops what path_simplify drops: empty and {@code .} components. */
  private static List<String> simplifiedComponents(String path) {
    List<String> components = new ArrayList<>();
    for (String component : path.split("/")) {
      if (!component.isEmpty() && !component.equals(".")) {
        components.add(component);
      }
    }
    return components;
  }

  /** Applies systemd's path_is_normalized to an already simplified path. */
  private static void requireNormalized(String path, String context) {
    if (path.contains("//")) {
      throw new IllegalArgumentException(context + ": not a normalized file system path");
    }
    if (utf8(path).length > MAX_PATH_LENGTH) {
      throw new IllegalArgumentException(
          context + ": longer than " + MAX_PATH_LENGTH + " bytes, not a valid file system path");
    }
    for (String component : path.split("/")) {
      if (component.equals(".") || component.equals("..")) {
        throw new IllegalArgumentException(context + ": not a normalized file system path");
      }
      if (utf8(component).length > MAX_PATH_COMPONENT_LENGTH) {
        throw new IllegalArgumentException(
            context
                + ": component longer than "
                + MAX_PATH_COMPONENT_LENGTH
                + " bytes, not a valid file system path");
      }
    }
  }

  private static byte[] escapeBytes(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      // A leading dot would make a hidden unit file, so systemd escapes it, and only it.
      if (b == '/') {
        out.write('-');
      } else if (keptAsIs(b) && !(i == 0 && b == '.')) {
        out.write(b);
      } else {
        out.writeBytes(String.format("\\x%02x", b).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toByteArray();
  }

  private static byte[] unescapeBytes(String escaped) {
    byte[] in = utf8(escaped);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '-') {
        out.write('/');
      } else if (in[i] == '\\') {
        out.write(hexEscape(in, i, escaped));
        i += 3;
      } else {
        out.write(in[i]);
      }
    }
    return out.toByteArray();
  }

  private static int hexEscape(byte[] in, int start, String escaped) {
    boolean complete = start + 3 < in.length && in[start + 1] == 'x';
    int high = complete ? Character.digit(in[start + 2], 16) : -1;
    int low = complete ? Character.digit(in[start + 3], 16) : -1;
    if (high < 0 || low < 0) {
      throw new IllegalArgumentException(
          "unescaping '" + escaped + "': invalid escape at byte " + start);
    }
    int value = high << 4 | low;
    if (value == 0) {
      throw new IllegalArgumentException("unescaping '" + escaped + "': escaped NUL byte");
    }
    return value;
  }

  /** Tells whether systemd allows a character in a unit name's prefix or instance. */
  private static boolean isNameChar(int c) {
    return keptAsIs(c) || c == '-' || c == '\\';
  }

  private static boolean keptAsIs(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == ':'
        || c == '_'
        || c == '.';
  }

  private static byte[] utf8(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("'" + value.replace("\0", "\\0") + "' contains NUL");
    }
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(value));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("'" + value + "' is not valid unicode", e);
    }
  }

  private static String utf8(byte[] bytes, String context) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(context + ": result is not valid UTF-8", e);
    }
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
