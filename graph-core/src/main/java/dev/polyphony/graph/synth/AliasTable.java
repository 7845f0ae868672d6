package dev.polyphony.graph.synth;

import java.util.SplittableRandom;

/**
 * Samples index {@code i} with probability {@code weights[i] / sum} in O(1) by Walker's alias method
 * (Vose, "A linear algorithm for generating random numbers with a given distribution", IEEE TSE 1991).
 * Built in O(n); holds a float threshold and an int alias per index.
 */
final class AliasTable {
  private final float[] threshold;
  private final int[] alias;

  /** @param weights non-negative, finite, not all zero */
  AliasTable(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("an alias table needs at least one weight");
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0 (got " + w + ")");
      }
      sum += w;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    threshold = new float[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      threshold[s] = (float) scaled[s];
      alias[s] = l;
      scaled[l] -= 1 - scaled[s];
      if (scaled[l] < 1) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    // Leftovers are 1 up to rounding.
    while (largeCount > 0) {
      int l = large[--largeCount];
      threshold[l] = 1f;
      alias[l] = l;
    }
    while (smallCount > 0) {
      int s = small[--smallCount];
      threshold[s] = 1f;
      alias[s] = s;
    }
  }

  int size() {
    return threshold.length;
  }

  int sample(SplittableRandom random) {
    int i = random.nextInt(threshold.length);
    return random.nextFloat() < threshold[i] ? i : alias[i];
  }
}
