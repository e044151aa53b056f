package org.kubeplay.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kubeplay.agent.bindings.ContainerRow;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.ContainerSpec;
import org.kubeplay.engine.ContainerSummary;
import org.kubeplay.engine.EngineException;
import org.kubeplay.engine.Labels;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.ManifestException;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.Workload;
import org.kubeplay.kube.WorkloadReader;

/**
 * Builds a workload's Containers property: the containers its YAML declares, with the ids of those
 * podman runs now, found by their {@code io.kubeplay.file} label.
 */
final class ContainerRows {
  private static final System.Logger LOG = System.getLogger(ContainerRows.class.getName());

  private final WorkloadReader reader;
  private final ContainerEngine engine;

  ContainerRows(WorkloadReader reader, ContainerEngine engine) {
    this.reader = reader;
    this.engine = engine;
  }

  /**
   * Returns one row per declared container; the id is empty for a container podman does not have.
   *
   * @throws AgentException {@link AgentError#ENGINE_FAILED} if podman cannot list containers
   */
  List<ContainerRow> of(WorkloadRef ref) throws AgentException {
    Workload model;
    try {
      model = reader.read(ref.file());
    } catch (ManifestException e) {
      // The file changed or went away since it was played: nothing is declared any more.
      LOG.log(
          System.Logger.Level.DEBUG, "reading {0} for its containers: {1}", ref, e.getMessage());
      return List.of();
    }
    Map<String, String> ids = runningIds(ref);
    List<ContainerRow> rows = new ArrayList<>();
    for (Pod pod : model.pods()) {
      for (Container container : pod.containers()) {
        String name = ContainerSpec.podmanName(pod.name(), container.name());
        rows.add(
            new ContainerRow(
                name,
                ids.getOrDefault(name, ""),
                container.image(),
                container.sdNotify().wireName(),
                container.autoUpdate().wireName()));
      }
    }
    return rows;
  }

  private Map<String, String> runningIds(WorkloadRef ref) throws AgentException {
    try {
      Map<String, String> ids = new HashMap<>();
      for (ContainerSummary summary :
          engine.listContainersByLabel(Labels.KUBEPLAY_FILE, ref.file().toString())) {
        ids.put(summary.name(), summary.id());
      }
      return ids;
    } catch (EngineException e) {
      throw new AgentException(
          AgentError.ENGINE_FAILED,
          "listing containers of workload '" + ref.name() + "': " + e.getMessage(),
          e);
    }
  }
}
