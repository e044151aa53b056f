package org.kubeplay.update;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.kube.AutoUpdatePolicy;

/**
 * Updates one unit: pulls the new images, restarts the unit once, and rolls back to the previous
 * images when the workload does not come up ready or does not stay up.
 *
 * <p>The previous images are never removed: a rollback needs them until the run has ended well, and
 * pruning what no container uses is left to the operator, as podman leaves it.
 */
final class UnitUpdater {
  private static final System.Logger LOG = System.getLogger(UnitUpdater.class.getName());

  /** How many characters of an image id a message shows. */
  private static final int SHORT_ID_LENGTH = 12;

  private final ContainerEngine engine;
  private final Restarter restarter;

  UnitUpdater(ContainerEngine engine, Restarter restarter) {
    this.engine = engine;
    this.restarter = restarter;
  }

  /** A container with an update, and the authfile to pull its image with. */
  record Update(Candidate candidate, Optional<Path> authfile) {}

  /** How the unit's update ended, for every container that took part. */
  private record Ending(UpdateResult result, Optional<String> reason) {}

  /**
   * Updates the unit's containers that have an update, and returns their rows.
   *
   * @param rollback whether to go back to the previous images when the update fails
   */
  List<UpdateRow> update(String unit, List<Update> updates, boolean rollback)
      throws InterruptedException {
    List<UpdateRow> rows = new ArrayList<>();
    List<Candidate> pulled = pull(updates, rows);
    if (pulled.isEmpty()) {
      return rows;
    }
    Ending ending = restartOrRollBack(unit, previousImages(pulled), rollback);
    for (Candidate candidate : pulled) {
      rows.add(candidate.row(ending.result(), ending.reason()));
    }
    return rows;
  }

  /** Pulls each registry image once; a failed pull fails its containers' rows. */
  private List<Candidate> pull(List<Update> updates, List<UpdateRow> failedRows)
      throws InterruptedException {
    Map<String, Optional<String>> pulls = new LinkedHashMap<>();
    List<Candidate> ready = new ArrayList<>();
    for (Update update : updates) {
      Candidate candidate = update.candidate();
      Optional<String> failure =
          candidate.policy() == AutoUpdatePolicy.REGISTRY
              ? pulls.computeIfAbsent(candidate.imageName(), name -> pull(name, update.authfile()))
              : Optional.empty();
      if (failure.isPresent()) {
        failedRows.add(candidate.row(UpdateResult.FAILED, failure));
      } else {
        ready.add(candidate);
      }
    }
    if (Thread.interrupted()) {
      throw new InterruptedException("pulling images");
    }
    return ready;
  }

  /** Pulls an image; returns why it failed, if it did. */
  private Optional<String> pull(String image, Optional<Path> authfile) {
    try {
      String id =
          engine.pullImage(image, authfile, line -> LOG.log(System.Logger.Level.DEBUG, line));
      LOG.log(System.Logger.Level.INFO, "pulled image {0}: {1}", image, id);
      return Optional.empty();
    } catch (EngineException e) {
      return Optional.of("pulling image '" + image + "': " + e.getMessage());
    }
  }

  /** The image each name pointed to before the update, by image name. */
  private static Map<String, String> previousImages(List<Candidate> candidates) {
    Map<String, String> previous = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      previous.putIfAbsent(candidate.imageName(), candidate.container().imageId());
    }
    return previous;
  }

  private Ending restartOrRollBack(String unit, Map<String, String> previous, boolean rollback)
      throws InterruptedException {
    try {
      restarter.restart(unit);
      LOG.log(
          System.Logger.Level.INFO, "unit {0} runs its new images {1}", unit, previous.keySet());
      return new Ending(UpdateResult.UPDATED, Optional.empty());
    } catch (UpdateException failure) {
      if (!rollback) {
        return new Ending(UpdateResult.FAILED, Optional.of(failure.getMessage()));
      }
      try {
        rollBack(unit, previous);
        LOG.log(System.Logger.Level.INFO, "unit {0} rolled back: {1}", unit, failure.getMessage());
        return new Ending(UpdateResult.ROLLED_BACK, Optional.of(failure.getMessage()));
      } catch (UpdateException e) {
        return new Ending(
            UpdateResult.FAILED, Optional.of(failure.getMessage() + "; " + e.getMessage()));
      }
    }
  }

  /** Points each name at its previous image again, and restarts the unit on them. */
  private void rollBack(String unit, Map<String, String> previous)
      throws UpdateException, InterruptedException {
    for (Map.Entry<String, String> image : previous.entrySet()) {
      try {
        engine.tagImage(image.getValue(), image.getKey());
      } catch (EngineException e) {
        String id =
            image.getValue().substring(0, Math.min(SHORT_ID_LENGTH, image.getValue().length()));
        throw new UpdateException(
            "rolling back: tagging image '"
                + id
                + "' as '"
                + image.getKey()
                + "': "
                + e.getMessage(),
            e);
      }
    }
    try {
      restarter.restart(unit);
    } catch (UpdateException e) {
      throw new UpdateException("rolling back: " + e.getMessage(), e);
    }
  }
}
