package org.kubeplay.update;

/** A registry check failed: the registry could not be reached, refused, or answered nonsense. */
public final class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  RegistryException(String message) {
    super(message);
  }

  RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
