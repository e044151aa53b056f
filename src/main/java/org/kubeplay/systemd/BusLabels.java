package org.kubeplay.systemd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Escapes strings into D-Bus object path labels and back, as systemd's sd_bus_path_encode does.
 *
 * <p>Every byte of the UTF-8 form that is not an ASCII letter, or a digit after the first position,
 * becomes {@code _xx} in lowercase hex; the empty string becomes {@code _}. So unit {@code
 * podman-kube@x.service} lives at {@code
 * /org/freedesktop/systemd1/unit/podman_2dkube_40x_2eservice}.
 */
public final class BusLabels {
  private BusLabels() {}

  /** Escapes a string into a single object path label. */
  public static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      return "_";
    }
    StringBuilder label = new StringBuilder(bytes.length * 3);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      // A label may not start with a digit, so systemd escapes a leading one.
      if (isLetter(b) || (i > 0 && b >= '0' && b <= '9')) {
        label.append((char) b);
      } else {
        label.append(String.format("_%02x", b));
      }
    }
    return label.toString();
  }

  /**
   * Undoes {@link #encode}.
   *
   * @throws IllegalArgumentException if the label holds a character or escape that {@link #encode}
   *     never writes, or its bytes are not UTF-8
   */
  public static String decode(String label) {
    if (label.equals("_")) {
      return "";
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c == '_') {
        bytes.write(hexByte(label, i));
        i += 2;
      } else if (isLetter(c) || (i > 0 && c >= '0' && c <= '9')) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException(
            "decoding bus label '" + label + "': unexpected character at " + i);
      }
    }
    return utf8(bytes.toByteArray(), label);
  }

  /** Returns {@code prefix/<label of id>}: the object path for an id under a prefix. */
  public static String objectPath(String prefix, String id) {
    return prefix + "/" + encode(id);
  }

  /**
   * Returns the id that {@link #objectPath} put under a prefix, or empty if the path is not a
   * direct child of the prefix.
   *
   * @throws IllegalArgumentException if the child's label is malformed
   */
  public static Optional<String> idOf(String prefix, String objectPath) {
    String start = prefix + "/";
    if (!objectPath.startsWith(start) || objectPath.indexOf('/', start.length()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(decode(objectPath.substring(start.length())));
  }

  private static int hexByte(String label, int at) {
    int high = at + 2 < label.length() ? Character.digit(label.charAt(at + 1), 16) : -1;
    int low = at + 2 < label.length() ? Character.digit(label.charAt(at + 2), 16) : -1;
    if (high < 0 || low < 0) {
      throw new IllegalArgumentException(
          "decoding bus label '" + label + "': invalid escape at " + at);
    }
    return high << 4 | low;
  }

  private static boolean isLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String utf8(byte[] bytes, String label) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "decoding bus label '" + label + "': result is not valid UTF-8", e);
    }
  }
}
