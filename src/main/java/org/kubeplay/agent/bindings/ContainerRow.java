package org.kubeplay.agent.bindings;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/** One container of a workload, {@code (sssss)}: name, id, image, sdnotify, autoupdate. */
public final class ContainerRow extends Struct {
  @Position(0)
  public final String name;

  @Position(1)
  public final String id;

  @Position(2)
  public final String image;

  @Position(3)
  public final String sdnotify;

  @Position(4)
  public final String autoupdate;

  public ContainerRow(String name, String id, String image, String sdnotify, String autoupdate) {
    this.name = name;
    this.id = id;
    this.image = image;
    this.sdnotify = sdnotify;
    this.autoupdate = autoupdate;
  }
}
