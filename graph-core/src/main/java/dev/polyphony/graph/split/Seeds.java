package dev.polyphony.graph.split;

/**
 * Derives independent seeds from a run seed and a key (a node id, a part index), so that what one
 * node receives does not depend on the order in which others were processed.
 */
final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014) of {@code seed} and {@code key}. */
  static long derive(long seed, long key) {
    long z = seed + (key + 1) * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
