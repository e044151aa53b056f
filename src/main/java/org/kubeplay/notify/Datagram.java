package org.kubeplay.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * One datagram read whole from a {@link NotifySocket}.
 *
 * <p>The fds that came with it are not part of it: the socket closes them once the datagram is
 * handled, which is what acknowledges a sender's {@code BARRIER=1}.
 *
 * @param payload the bytes sent, at most {@link NotifySocket#MAX_PAYLOAD_BYTES}
 * @param credentials the sender, when the kernel passed its credentials
 * @param fdCount how many fds came with the datagram (all of them are closed)
 */
public record Datagram(byte[] payload, Optional<Credentials> credentials, int fdCount) {
  /** Copies the payload, so that a datagram stays what was received. */
  public Datagram {
    payload = Objects.requireNonNull(payload, "payload").clone();
    Objects.requireNonNull(credentials, "credentials");
    if (fdCount < 0) {
      throw new IllegalArgumentException("fd count " + fdCount + " is negative");
    }
  }

  /** The bytes sent; a copy, since arrays are mutable. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
