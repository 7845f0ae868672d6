package dev.polyphony.graph.synth;

import java.util.SplittableRandom;

/**
 * Samples outcome {@code i} with probability {@code weights[i] / sum} in O(1) by Walker's alias method
 * (Vose, "A linear algorithm for generating random numbers with a given distribution", IEEE TSE 1991).
 * Built in O(n). Each slot keeps its threshold, its own outcome and its alias outcome side by side, so
 * a draw touches one cache line even in tables of millions of entries; outcomes may be relabelled
 * (e.g. positions within a genre mapped to track ids) at no cost per draw.
 */
final class AliasTable {
  /** Per slot: float bits of the threshold, the slot's outcome, the alias outcome. */
  private final int[] slots;
  private final int size;

  /** Outcomes {@code 0..weights.length-1}. */
  AliasTable(double[] weights) {
    this(weights, null);
  }

  /**
   * @param weights non-negative, finite, not all zero
   * @param outcomes the value returned for index {@code i}, or null for {@code i} itself
   */
  AliasTable(double[] weights, int[] outcomes) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("an alias table needs at least one weight");
    }
    if (outcomes != null && outcomes.length != n) {
      throw new IllegalArgumentException(n + " weights but " + outcomes.length + " outcomes");
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
    size = n;
    float[] threshold = new float[n];
    int[] alias = new int[n];
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
    // What is left is 1 up to rounding: such slots always keep their own outcome.
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
    slots = new int[3 * n];
    for (int i = 0; i < n; i++) {
      slots[3 * i] = Float.floatToRawIntBits(threshold[i]);
      slots[3 * i + 1] = outcomes == null ? i : outcomes[i];
      slots[3 * i + 2] = outcomes == null ? alias[i] : outcomes[alias[i]];
    }
  }

  int size() {
    return size;
  }

  /**
   * One draw from one 64-bit random number: the high 32 bits pick the slot by multiply-shift (Lemire,
   * "Fast random integer generation in an interval", 2019; bias below {@code size / 2^32}), the low 24
   * bits are the uniform compared with the slot's threshold.
   */
  int sample(SplittableRandom random) {
    long x = random.nextLong();
    int slot = 3 * (int) (((x >>> 32) * size) >>> 32);
    float u = (x & 0xFFFFFF) * 0x1.0p-24f;
    return u < Float.intBitsToFloat(slots[slot]) ? slots[slot + 1] : slots[slot + 2];
  }
}
