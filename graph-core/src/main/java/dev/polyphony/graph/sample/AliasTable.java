package dev.polyphony.graph.sample;

import java.util.SplittableRandom;

/**
 * Draws index {@code i} with probability {@code weights[i] / sum(weights)} in O(1) time: the alias
 * method of Walker (1977), built in O(n) with Vose's numerically stable variant (1991). Each of the
 * {@code n} columns holds probability {@code probability[i]} of answering {@code i} and otherwise answers
 * {@code alias[i]}; a draw picks a column uniformly and then flips its biased coin. Indexes of weight 0
 * are never drawn. Immutable and thread-safe; 12 bytes per index.
 */
public final class AliasTable {
  private final double[] probability;
  private final int[] alias;

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
    probability = new double[n];
    alias = new int[n];
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
  }

  public int size() {
    return alias.length;
  }

  /** One index drawn with probability proportional to its weight. */
  public int sample(SplittableRandom random) {
    int column = random.nextInt(alias.length);
    return random.nextDouble() < probability[column] ? column : alias[column];
  }

  /**
   * The probability of drawing each index, recovered from the columns (O(n)); equals the normalised
   * weights up to rounding.
   */
  public double[] probabilities() {
    int n = alias.length;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] += probability[i] / n;
      p[alias[i]] += (1 - probability[i]) / n;
    }
    return p;
  }

  public long bytes() {
    return 12L * alias.length;
  }
}
