package org.kubeplay.notify;

/**
 * Who may send to a notify socket: the mode of the socket file and, when it must change, its owner.
 *
 * <p>Connecting to a unix socket needs write permission on its file. The supervisor binds it, and
 * the container's user must be able to send, so the file belongs either to the supervisor (when the
 * container runs as the same user, or as root) or to the container's user, with mode 0600 in both
 * cases: nobody else may send.
 *
 * @param mode the permission bits of the socket file, such as 0600
 * @param uid the owner to set, or -1 to keep the binding process's
 * @param gid the group to set, or -1 to keep the binding process's
 */
public record SocketAccess(int mode, int uid, int gid) {
  /** Mode 0600 and ownership of whoever binds: the same user, or root, may send. */
  public static final SocketAccess OWNER_ONLY = new SocketAccess(0600, -1, -1);

  /** Checks that the mode holds only permission bits and that ids are -1 or valid. */
  public SocketAccess {
    if ((mode & ~0777) != 0) {
      throw new IllegalArgumentException(
          "socket mode '" + Integer.toOctalString(mode) + "' has bits beyond 0777");
    }
    if (uid < -1 || gid < -1) {
      throw new IllegalArgumentException("owner " + uid + ":" + gid + " is not valid");
    }
  }

  /** Mode 0600 with the file owned by the container's user, so it may send and others not. */
  public static SocketAccess forUser(int uid, int gid) {
    return new SocketAccess(0600, uid, gid);
  }

  boolean changesOwner() {
    return uid != -1 || gid != -1;
  }
}
