package org.kubeplay.agent.bindings;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/** One auto-update result, {@code (sssss)}: unit, container, image, policy, updated. */
public final class UpdateRow extends Struct {
  @Position(0)
  public final String unit;

  @Position(1)
  public final String container;

  @Position(2)
  public final String image;

  @Position(3)
  public final String policy;

  @Position(4)
  public final String updated;

  public UpdateRow(String unit, String container, String image, String policy, String updated) {
    this.unit = unit;
    this.container = container;
    this.image = image;
    this.policy = policy;
    this.updated = updated;
  }
}
