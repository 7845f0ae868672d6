package dev.polyphony.rank.eval;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative, ties
 * counting one half (the Mann-Whitney U statistic over {@code P x N}, with average ranks for ties).
 * {@code NaN} when there is no positive or no negative.
 */
public final class Auc {
  private Auc() {}

  /** AUC of {@code scores} against {@code labels}. */
  public static double of(float[] scores, boolean[] labels) {
    return of(scores, labels, null);
  }

  /**
   * AUC over the rows where {@code include} is true (every row when it is {@code null}).
   *
   * @throws IllegalArgumentException when lengths differ or a counted score is NaN
   */
  public static double of(float[] scores, boolean[] labels, boolean[] include) {
    if (scores.length != labels.length || include != null && include.length != labels.length) {
      throw new IllegalArgumentException("scores, labels and include must have equal lengths (got " + scores.length
          + ", " + labels.length + (include == null ? "" : ", " + include.length) + ")");
    }
    int n = 0;
    for (int i = 0; i < scores.length; i++) {
      if (include == null || include[i]) {
        if (Float.isNaN(scores[i])) {
          throw new IllegalArgumentException("score of row " + i + " is NaN");
        }
        n++;
      }
    }
    int[] rows = new int[n];
    for (int i = 0, k = 0; i < scores.length; i++) {
      if (include == null || include[i]) {
        rows[k++] = i;
      }
    }
    IntArrays.quickSort(rows, (a, b) -> Float.compare(scores[a], scores[b]));
    long positives = 0;
    double positiveRankSum = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && scores[rows[j]] == scores[rows[i]]) {
        j++;
      }
      double averageRank = (i + 1 + j) / 2.0; // 1-based ranks i+1..j
      for (int k = i; k < j; k++) {
        if (labels[rows[k]]) {
          positives++;
          positiveRankSum += averageRank;
        }
      }
      i = j;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
