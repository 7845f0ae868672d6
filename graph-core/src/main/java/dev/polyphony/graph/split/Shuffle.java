package dev.polyphony.graph.split;

import java.util.SplittableRandom;

/** Uniform draws without replacement by a partial Fisher-Yates shuffle (Knuth, TAOCP 2, Alg. 3.4.2P). */
final class Shuffle {
  private Shuffle() {}

  /** Moves a uniform sample of {@code count} of {@code values[0 .. length)} to its front. */
  static void partial(int[] values, int length, int count, SplittableRandom random) {
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(length - i);
      int chosen = values[j];
      values[j] = values[i];
      values[i] = chosen;
    }
  }

  /** Moves a uniform sample of {@code count} of {@code values} to its front. */
  static void partial(long[] values, int count, SplittableRandom random) {
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(values.length - i);
      long chosen = values[j];
      values[j] = values[i];
      values[i] = chosen;
    }
  }
}
