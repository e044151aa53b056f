package org.kubeplay.bench;

import java.util.Arrays;

/**
 * The durations of one series of calls, in nanoseconds, sorted.
 *
 * @param what what was timed, as printed
 * @param nanos each call's duration
 */
record Latencies(String what, long[] nanos) {
  Latencies {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no durations for '" + what + "'");
    }
    nanos = nanos.clone();
    Arrays.sort(nanos);
  }

  /** The median, halfway between the middle two values of an even count. */
  double median() {
    int middle = nanos.length / 2;
    return nanos.length % 2 == 1 ? nanos[middle] : (nanos[middle - 1] + nanos[middle]) / 2.0;
  }

  /** The 90th percentile, nearest rank. */
  double p90() {
    int rank = (int) Math.ceil(0.9 * nanos.length);
    return nanos[Math.max(rank, 1) - 1];
  }

  int count() {
    return nanos.length;
  }
}
