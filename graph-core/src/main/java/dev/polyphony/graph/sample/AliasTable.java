package dev.polyphony.graph.sample;

import java.util.SplittableRandom;

/**
 * Draws index {@code i} with probability {@code weights[i] / sum(weights)} in O(1) time: the alias
 * method of Walker (1977), built in O(n) with Vose's numerically stable variant (1991). Each of the
 * {@code n} columns holds probability {@code probability[i]} of answering {@code i} and otherwise answers
 * {@code alias[i]}; a draw picks a column uniformly and then flips its biased coin. Indexes of weight 0
 * are never drawn. Immutable and thread-safe.
 *
 * <p>Each column is packed into one {@code long}: the coin's threshold as an unsigned 32-bit fraction in
 * the high half, the alias in the low half, so a draw touches one cache line however large the table
 * (8 bytes per index). Probabilities are thus exact to 2^-32 per column.
 */
public final class AliasTable {
  private static final double TWO_TO_32 = 4294967296.0;
  private static final long MAX_THRESHOLD = 0xFFFFFFFFL;

  private final long[] columns;

  /**
   * Builds the table; the weights are not kept.
   *
   * @throws IllegalArgumentException when {@code weights} is empty, holds a negative or non-finite
   *     value, or sums to 0 or overflows
   */
  public AliasTable(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("an alias table needs at least one weight");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("weight " + i + " must be finite and >= 0 (got " + w + ")");
      }
      sum += w;
    }
    if (!(sum > 0) || !Double.isFinite(sum)) {
      throw new IllegalArgumentException("weights must have a finite positive sum (got " + sum + ")");
    }
    double[] probability = new double[n];
    int[] alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallSize = 0;
    int largeSize = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1) {
        small[smallSize++] = i;
      } else {
        large[largeSize++] = i;
      }
    }
    while (smallSize > 0 && largeSize > 0) {
      int less = small[--smallSize];
      int more = large[--largeSize];
      probability[less] = scaled[less];
      alias[less] = more;
      scaled[more] = (scaled[more] + scaled[less]) - 1;
      if (scaled[more] < 1) {
        small[smallSize++] = more;
      } else {
        large[largeSize++] = more;
      }
    }
    // What is left is 1 up to rounding error; such columns answer themselves.
    while (largeSize > 0) {
      int i = large[--largeSize];
      probability[i] = 1;
      alias[i] = i;
    }
    while (smallSize > 0) {
      int i = small[--smallSize];
      probability[i] = 1;
      alias[i] = i;
    }
    columns = new long[n];
    for (int i = 0; i < n; i++) {
      // A column that answers itself needs no coin; otherwise the threshold stays below 2^32.
      long threshold = alias[i] == i ? MAX_THRESHOLD
          : Math.min(MAX_THRESHOLD, (long) Math.floor(probability[i] * TWO_TO_32));
      columns[i] = (threshold << 32) | (alias[i] & 0xFFFFFFFFL);
    }
  }

  public int size() {
    return columns.length;
  }

  /** One index drawn with probability proportional to its weight. */
  public int sample(SplittableRandom random) {
    int column = random.nextInt(columns.length);
    long packed = columns[column];
    return (random.nextInt() & 0xFFFFFFFFL) < (packed >>> 32) ? column : (int) packed;
  }

  /**
   * The probability of drawing each index, recovered from the columns (O(n)); equals the normalised
   * weights up to 2^-32 per column.
   */
  public double[] probabilities() {
    int n = columns.length;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      int alias = (int) columns[i];
      double keep = alias == i ? 1 : (columns[i] >>> 32) / TWO_TO_32;
      p[i] += keep / n;
      p[alias] += (1 - keep) / n;
    }
    return p;
  }

  public long bytes() {
    return 8L * columns.length;
  }
}
