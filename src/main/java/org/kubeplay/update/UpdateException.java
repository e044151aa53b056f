package org.kubeplay.update;

/** A step of an auto-update failed; the message is a lowercase context chain. */
public final class UpdateException extends Exception {
  private static final long serialVersionUID = 1L;

  UpdateException(String message) {
    super(message);
  }

  UpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}
