package org.kubeplay.kube;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, by edit distance. */
final class Suggestions {
  /** Longest name compared: field names are short, and the table grows with the product. */
  static final int MAX_LENGTH = 64;

  private Suggestions() {}

  /**
   * Returns the candidate nearest to {@code typo}, if it is near enough to be a plausible typo: at
   * most a third of the typo's length away, and never more than 3 edits.
   */
  static Optional<String> closest(String typo, Collection<String> candidates) {
    if (typo.length() > MAX_LENGTH) {
      return Optional.empty();
    }
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

  /**
   * Returns the edit distance of two strings, counting a swap of two neighbours as one edit
   * (optimal string alignment), since swapped letters are the commonest typo.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
