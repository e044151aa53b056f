package org.kubeplay.runner;

import java.io.IOException;
import java.util.Optional;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.Labels;
import org.kubeplay.engine.Owner;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.Volume;
import org.kubeplay.kube.VolumeSource;
import org.kubeplay.kube.Workload;

/**
 * {@code kubeplay down}: removes everything a run of a workload file created, whatever state it was
 * left in. Found by the file's label, so a file that no longer parses, or a crashed supervisor,
 * leaves nothing behind either. Running it twice is fine.
 */
final class Down {
  private static final System.Logger LOG = System.getLogger(Down.class.getName());

  private final ContainerEngine engine;
  private final RuntimeDir runtime;

  Down(ContainerEngine engine, RuntimeDir runtime) {
    this.engine = engine;
    this.runtime = runtime;
  }

  /** Removes pods, containers, emptyDir volumes (when the model is known) and run-time files. */
  void remove(Owner owner, Optional<Workload> workload) throws EngineException, IOException {
    engine.removeByLabel(Labels.KUBEPLAY_FILE, owner.file().toString());
    if (workload.isPresent()) {
      for (Pod pod : workload.get().pods()) {
        removeEmptyDirs(pod);
      }
    }
    runtime.remove();
  }

  /** As {@link #remove}, after a failed start: failures are logged, not thrown. */
  void removeQuietly(Owner owner, Workload workload) {
    try {
      remove(owner, Optional.of(workload));
    } catch (EngineException | IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cleaning up workload {0} failed, ignoring: {1}",
          owner.file(),
          e.getMessage());
    }
  }

  private void removeEmptyDirs(Pod pod) throws EngineException {
    for (Volume volume : pod.volumes()) {
      if (volume.source() instanceof VolumeSource.EmptyDir empty
          && !"Memory".equals(empty.medium())) {
        String name = ContainerSpecs.emptyDirVolume(pod, volume);
        if (engine.volumeExists(name)) {
          engine.removeVolume(name);
        }
      }
    }
  }
}
