package dev.polyphony.graph.sample;

import java.util.Arrays;
import java.util.Objects;

/**
 * One batch delivered by a {@link SamplingPipeline}.
 *
 * @param epoch the epoch it belongs to
 * @param index its position in the epoch, {@code 0..batchCount-1}
 * @param batchSeed the seed its sample was drawn with ({@link SamplingPipeline#batchSeed})
 * @param seeds the batch's seed ids in epoch order (owned by the batch; do not modify)
 * @param sample what the batch function made of the seeds, e.g. {@link SampledBlocks}
 */
public record SampledBatch<T>(int epoch, int index, long batchSeed, int[] seeds, T sample) {

  @Override
  public boolean equals(Object o) {
    return o instanceof SampledBatch<?> other
        && epoch == other.epoch
        && index == other.index
        && batchSeed == other.batchSeed
        && Arrays.equals(seeds, other.seeds)
        && Objects.equals(sample, other.sample);
  }

  @Override
  public int hashCode() {
    return Objects.hash(epoch, index, batchSeed, Arrays.hashCode(seeds), sample);
  }

  @Override
  public String toString() {
    return "SampledBatch{epoch " + epoch + ", index " + index + ", seeds " + seeds.length + ", " + sample + "}";
  }
}
