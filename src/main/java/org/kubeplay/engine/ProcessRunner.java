package org.kubeplay.engine;

import java.io.IOException;

/** Runs a program to its end: the seam between podman's command line and the engine. */
interface ProcessRunner {
  /**
   * Runs the program, feeds it its stdin and collects its output.
   *
   * @throws IOException when the program cannot be started or its pipes fail
   * @throws InterruptedException when the calling thread is interrupted; the program is killed
   */
  ProcessResult run(ProcessRequest request) throws IOException, InterruptedException;
}
