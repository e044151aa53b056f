package org.kubeplay.notify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import jnr.ffi.Pointer;

/**
 * The address of a unix datagram socket: a file system path, or a name in the abstract namespace,
 * written with a leading {@code @} as in {@code $NOTIFY_SOCKET}.
 *
 * @param name the path, or the abstract name without its {@code @}
 * @param kind whether {@code name} is a path or an abstract name
 */
public record UnixAddress(String name, Kind kind) {
  /** sun_path holds 108 bytes; a path needs one for its NUL, an abstract name for its lead. */
  public static final int MAX_NAME_BYTES = 107;

  private static final int SUN_PATH_OFFSET = 2;

  /** Where the name of a unix socket lives. */
  public enum Kind {
    PATH,
    ABSTRACT
  }

  /** Checks the name fits in a sockaddr_un and, for a path, that it is absolute. */
  public UnixAddress {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > MAX_NAME_BYTES || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "socket address '" + name + "' must have 1 to " + MAX_NAME_BYTES + " bytes, no NUL");
    }
    if (kind == Kind.PATH && !name.startsWith("/")) {
      throw new IllegalArgumentException("socket path '" + name + "' is not absolute");
    }
  }

  /** The address of a socket file. */
  public static UnixAddress of(Path path) {
    return new UnixAddress(path.toString(), Kind.PATH);
  }

  /** Reads an address as {@code $NOTIFY_SOCKET} writes it: an absolute path, or {@code @name}. */
  public static UnixAddress parse(String text) {
    if (text.startsWith("@")) {
      return new UnixAddress(text.substring(1), Kind.ABSTRACT);
    }
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException(
          "socket address '" + text + "' is neither an absolute path nor an '@' abstract name");
    }
    return new UnixAddress(text, Kind.PATH);
  }

  /** The address in the form {@link #parse} reads. */
  @Override
  public String toString() {
    return kind == Kind.ABSTRACT ? "@" + name : name;
  }

  /** Native struct sockaddr_un memory for this address; its length is {@link #sockaddrLength}. */
  Pointer toSockaddr() {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    Pointer address = Libc.allocate(SUN_PATH_OFFSET + MAX_NAME_BYTES + 1);
    address.putShort(0, (short) Libc.AF_UNIX);
    // An abstract name starts with a NUL byte; a path ends with one (the memory is zeroed).
    int start = SUN_PATH_OFFSET + (kind == Kind.ABSTRACT ? 1 : 0);
    address.put(start, bytes, 0, bytes.length);
    return address;
  }

  /** The length to pass with {@link #toSockaddr}: abstract names are not NUL-terminated. */
  int sockaddrLength() {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    return SUN_PATH_OFFSET + 1 + bytes;
  }
}
