package dev.polyphony.rank;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Training, validation and test impressions split by query: every query's impressions land in one part,
 * so a head is tested on users it never saw. Query blocks are shuffled with the seed (Fisher-Yates) and cut
 * by the fractions; each part keeps its blocks in log order.
 *
 * @param train impressions of the training queries
 * @param validation impressions of the validation queries (early stopping, fusion search)
 * @param test impressions of the test queries
 */
public record ImpressionSplit(ImpressionLog train, ImpressionLog validation, ImpressionLog test) {

  /**
   * Splits {@code log} by query.
   *
   * @param trainFraction share of queries for training, in (0, 1)
   * @param validationFraction share for validation, in (0, 1); the rest (which must be &gt; 0) is the test part
   */
  public static ImpressionSplit byQuery(ImpressionLog log, double trainFraction, double validationFraction, long seed) {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("trainFraction must be in (0, 1) (got " + trainFraction + ")");
    }
    if (!(validationFraction > 0 && trainFraction + validationFraction < 1)) {
      throw new IllegalArgumentException("validationFraction must be > 0 and leave a test part: trainFraction + "
          + "validationFraction < 1 (got " + trainFraction + " + " + validationFraction + ")");
    }
    int n = log.queryCount();
    if (n < 3) {
      throw new IllegalArgumentException("a split needs at least 3 queries (got " + n + ")");
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int trainEnd = Math.max(1, (int) Math.round(trainFraction * n));
    int validationEnd = Math.min(n - 1, Math.max(trainEnd + 1, (int) Math.round((trainFraction + validationFraction) * n)));
    return new ImpressionSplit(log.selectQueries(sorted(order, 0, trainEnd)),
        log.selectQueries(sorted(order, trainEnd, validationEnd)), log.selectQueries(sorted(order, validationEnd, n)));
  }

  private static int[] sorted(int[] order, int from, int to) {
    int[] part = Arrays.copyOfRange(order, from, to);
    Arrays.sort(part);
    return part;
  }
}
