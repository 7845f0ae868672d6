package dev.polyphony.graph.sample;

/**
 * Parameters of a {@link SamplingPipeline} epoch.
 *
 * @param batchSize seeds per batch (the last batch may be smaller unless {@code dropLast})
 * @param threads worker threads producing batches
 * @param prefetch batches produced ahead of the consumer at most (bounds memory); {@code >= threads} keeps
 *     every worker busy
 * @param shuffle visit the seeds in a seeded random order each epoch (else in the given order)
 * @param dropLast skip a final batch smaller than {@code batchSize}
 * @param seed run seed; the epoch order and every batch seed derive from it
 */
public record SamplingPipelineConfig(int batchSize, int threads, int prefetch, boolean shuffle, boolean dropLast,
    long seed) {

  public SamplingPipelineConfig {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be > 0 (got " + batchSize + ")");
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0 (got " + threads + ")");
    }
    if (prefetch <= 0) {
      throw new IllegalArgumentException("prefetch must be > 0 (got " + prefetch + ")");
    }
  }

  /** Shuffled, last batch kept, prefetch of two batches per thread. */
  public static SamplingPipelineConfig of(int batchSize, int threads, long seed) {
    return new SamplingPipelineConfig(batchSize, threads, 2 * threads, true, false, seed);
  }
}
