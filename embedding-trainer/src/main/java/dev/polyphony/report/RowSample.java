package dev.polyphony.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded uniform sample of rows without replacement, so a plot of a large table shows a bounded number
 * of points and the same points on every run with the same seed.
 */
public final class RowSample {
  private RowSample() {}

  /**
   * {@code min(rows, max)} distinct row indexes of {@code [0, rows)}, drawn uniformly by a partial
   * Fisher-Yates shuffle driven by {@code seed}, returned ascending. All rows, in order, when
   * {@code rows <= max}.
   */
  public static int[] choose(int rows, int max, long seed) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0 (got " + rows + ")");
    }
    if (max <= 0) {
      throw new IllegalArgumentException("max must be > 0 (got " + max + ")");
    }
    int[] all = new int[rows];
    Arrays.setAll(all, i -> i);
    if (rows <= max) {
      return all;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(rows - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    int[] chosen = Arrays.copyOf(all, max);
    Arrays.sort(chosen);
    return chosen;
  }
}
