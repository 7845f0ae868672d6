package dev.polyphony.retrieval.candidates;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Number formats and the ranking order shared by the generators. */
final class Numbers {
  /** Higher score first; equal scores rank the lower row first, so lists are deterministic. */
  static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::row);

  private Numbers() {}

  /** Two decimals, whatever the default locale. */
  static String fixed2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  /** The best {@code k} of {@code scored} in {@link #BEST_FIRST} order. */
  static List<Candidate> best(List<Candidate> scored, int k) {
    return scored.stream().sorted(BEST_FIRST).limit(k).toList();
  }

  static void checkK(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
  }

  /** At most two decimals, trailing zeros dropped: 40, 12.5, 0.7, 0.33. */
  static String compact(double x) {
    return new java.math.BigDecimal(fixed2(x)).stripTrailingZeros().toPlainString();
  }

  /**
   * Per entry, the share of the non-NaN entries that are strictly smaller, in [0, 1): the rank
   * percentile (divided by 100), equal for equal values. NaN entries stay NaN.
   */
  static double[] shareBelow(double[] values) {
    double[] sorted = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.isNaN(values[i]) ? Double.NaN : (double) lowerBound(sorted, values[i]) / sorted.length;
    }
    return out;
  }

  /** The first index of {@code sorted} holding a value >= {@code value}. */
  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
