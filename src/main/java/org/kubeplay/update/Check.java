package org.kubeplay.update;

import java.util.Objects;

/** What the check of one container found. */
sealed interface Check {
  /** The container runs what its image name points to. */
  record Current() implements Check {}

  /** Its image name points to another image now. */
  record Available() implements Check {}

  /** The check failed. */
  record Failed(String reason) implements Check {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
