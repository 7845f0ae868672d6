package dev.polyphony.graph.sample;

/**
 * Parameters shared by the {@link NegativeSampler}s.
 *
 * @param negativesPerQuery negatives drawn for each (query, positive) pair, {@code > 0}
 * @param maxAttempts draws tried per negative before a sampler falls back to an exact scan of the
 *     candidates that are not positives, {@code > 0}
 * @param allowPositives when true, known positives may be returned as negatives (no filtering)
 * @param seed run seed; the negatives of pair {@code i} of batch {@code b} depend only on
 *     {@code (seed, b, i)}
 */
public record NegativeConfig(int negativesPerQuery, int maxAttempts, boolean allowPositives, long seed) {

  public NegativeConfig {
    if (negativesPerQuery <= 0) {
      throw new IllegalArgumentException("negativesPerQuery must be > 0 (got " + negativesPerQuery + ")");
    }
    if (maxAttempts <= 0) {
      throw new IllegalArgumentException("maxAttempts must be > 0 (got " + maxAttempts + ")");
    }
  }

  /** {@code negativesPerQuery} filtered negatives with 32 draws each before the exact scan. */
  public static NegativeConfig of(int negativesPerQuery, long seed) {
    return new NegativeConfig(negativesPerQuery, 32, false, seed);
  }

  public NegativeConfig withAllowPositives(boolean allow) {
    return new NegativeConfig(negativesPerQuery, maxAttempts, allow, seed);
  }

  public NegativeConfig withMaxAttempts(int attempts) {
    return new NegativeConfig(negativesPerQuery, attempts, allowPositives, seed);
  }
}
