package org.kubeplay.notify;

/**
 * Who sent a datagram, as the kernel vouches for it (SCM_CREDENTIALS), in the receiver's pid and
 * user namespaces.
 *
 * @param pid the sending process
 * @param uid its user id
 * @param gid its group id
 */
public record Credentials(int pid, int uid, int gid) {}
