package org.kubeplay.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kubeplay.engine.ContainerEngine;
import org.kubeplay.engine.EngineException;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.PullPolicy;

/**
 * Makes each container's image present by its pull policy, once per image, and keeps the service
 * manager's start timeout from running out while a pull lasts.
 */
final class ImagePuller {
  private static final System.Logger LOG = System.getLogger(ImagePuller.class.getName());

  /** How often a running pull asks for more start time. */
  private static final Duration EXTEND_EVERY = Duration.ofSeconds(5);

  /** How much start time each request asks for: three requests' worth, to ride out a stall. */
  private static final Duration EXTEND_BY = EXTEND_EVERY.multipliedBy(3);

  private final ContainerEngine engine;
  private final Notifier notifier;
  private final Set<String> done = new HashSet<>();

  ImagePuller(ContainerEngine engine, Notifier notifier) {
    this.engine = engine;
    this.notifier = notifier;
  }

  /** Pulls the container's image if its policy asks for it. */
  void ensure(Container container) throws StartFailure {
    String image = container.image();
    if (!done.add(image)) {
      return;
    }
    try {
      boolean present = engine.imageExists(image);
      if (container.pullPolicy() == PullPolicy.NEVER && !present) {
        throw new StartFailure(
            "image '"
                + image
                + "' of container '"
                + container.name()
                + "' is not present and its imagePullPolicy is Never");
      }
      if (container.pullPolicy() == PullPolicy.ALWAYS || !present) {
        pull(container, image);
      }
    } catch (EngineException e) {
      // The engine's message names the image already.
      throw new StartFailure("container '" + container.name() + "': " + e.getMessage(), e);
    }
  }

  private void pull(Container container, String image) throws EngineException {
    notifier.status("pulling image " + image);
    notifier.extendTimeout(EXTEND_BY);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      timer.scheduleAtFixedRate(
          () -> notifier.extendTimeout(EXTEND_BY),
          EXTEND_EVERY.toMillis(),
          EXTEND_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
      String id =
          engine.pullImage(
              image,
              container.authfile().map(Path::of),
              line -> LOG.log(System.Logger.Level.DEBUG, "pull {0}: {1}", image, line));
      LOG.log(System.Logger.Level.INFO, "pulled image {0} ({1})", image, id);
    } finally {
      timer.shutdownNow();
    }
  }
}
