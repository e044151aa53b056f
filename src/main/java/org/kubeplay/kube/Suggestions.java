package org.kubeplay.kube;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, by edit distance. */
final class Suggestions {
  private Suggestions() {}

  /**
   * Returns the candidate nearest to {@code typo}, if it is near enough to be a plausible typo: at
   * most a third of the typo's length away, and never more than 3 edits.
   */
  static Optional<String> closest(String typo, Collection<String> candidates) {
    int limit = Math.min(3, Math.max(1, typo.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(typo.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Returns the Levenshtein distance of two strings, with two rows of memory. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
