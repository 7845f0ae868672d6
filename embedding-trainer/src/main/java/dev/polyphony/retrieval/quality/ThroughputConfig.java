package dev.polyphony.retrieval.quality;

/**
 * How long {@link QueryThroughput} warms up and measures.
 *
 * @param warmupMillis time spent querying before the clock starts, so the JIT and caches settle; >= 0
 * @param measureMillis time over which completed queries are counted; > 0
 */
public record ThroughputConfig(long warmupMillis, long measureMillis) {
  public ThroughputConfig {
    if (warmupMillis < 0) {
      throw new IllegalArgumentException("warmupMillis must be >= 0 (got " + warmupMillis + ")");
    }
    if (measureMillis <= 0) {
      throw new IllegalArgumentException("measureMillis must be > 0 (got " + measureMillis + ")");
    }
  }

  /** One second of warm-up, three of measurement. */
  public static ThroughputConfig defaults() {
    return new ThroughputConfig(1_000, 3_000);
  }
}
