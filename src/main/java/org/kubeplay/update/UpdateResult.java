package org.kubeplay.update;

import org.kubeplay.kube.WireName;

/** What an auto-update run did to one container, in the words podman auto-update uses. */
public enum UpdateResult implements WireName {
  /** The container runs its new image. */
  UPDATED("true"),
  /** There was nothing to update. */
  UNCHANGED("false"),
  /** A dry run found an update and left it. */
  PENDING("pending"),
  /** The check, the pull, the restart or the rollback failed; the reason says which. */
  FAILED("failed"),
  /** The new image did not come up ready, and the container runs its previous image again. */
  ROLLED_BACK("rolled back");

  private final String wireName;

  UpdateResult(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /**
   * Whether the run should end non-zero for this result: a rollback counts, since the workload is
   * not on its newest image and someone has to look at that image.
   */
  public boolean isFailure() {
    return this == FAILED || this == ROLLED_BACK;
  }

  /** Returns the result with this wire name, or throws listing the valid ones. */
  public static UpdateResult fromWire(String text) {
    return WireName.lookup(UpdateResult.class, text, "update result");
  }
}
