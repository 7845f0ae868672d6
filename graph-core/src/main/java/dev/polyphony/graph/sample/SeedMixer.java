package dev.polyphony.graph.sample;

/**
 * Derives independent child seeds from a run seed and integer coordinates (start node, walk index,
 * batch, query), so that every random stream depends only on its coordinates and never on thread
 * scheduling. Uses the SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014), the mixer behind
 * {@link java.util.SplittableRandom}.
 */
final class SeedMixer {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SeedMixer() {}

  /** A seed for coordinates {@code (a, b)} under {@code seed}; distinct coordinates give unrelated seeds. */
  static long mix(long seed, long a, long b) {
    long h = mix64(seed + GOLDEN_GAMMA);
    h = mix64(h ^ (a * GOLDEN_GAMMA));
    return mix64(h ^ (b + 0x632BE59BD9B4E019L) * 0xBF58476D1CE4E5B9L);
  }

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
