package dev.polyphony.graph.sample;

/**
 * Derives independent 64-bit seeds from a run seed and a path of integers (epoch, batch index, ...),
 * so every random stream of a run is fixed by one seed and no stream depends on thread scheduling.
 *
 * <p>Mixing uses the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), whose avalanche makes neighbouring inputs ({@code batch 7}, {@code batch 8})
 * give unrelated outputs.
 */
public final class SeedDerivation {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SeedDerivation() {}

  /** The SplitMix64 finaliser: a bijection on 64-bit values with full avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A seed for the stream {@code seed / a}. */
  public static long derive(long seed, long a) {
    return mix(mix(seed + GOLDEN_GAMMA) ^ (a * GOLDEN_GAMMA + 1));
  }

  /** A seed for the stream {@code seed / a / b}; order matters ({@code (1, 2)} differs from {@code (2, 1)}). */
  public static long derive(long seed, long a, long b) {
    return derive(derive(seed, a), b);
  }
}
