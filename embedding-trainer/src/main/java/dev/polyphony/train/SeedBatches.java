package dev.polyphony.train;

import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.task.TrainingBatch;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mini-batches of a fixed seed set: epoch {@code e} visits the seeds in the order of a Fisher-Yates shuffle
 * seeded by {@code seed / e}, cut into batches of {@code batchSize} (the last may be smaller).
 */
public final class SeedBatches implements BatchSource {
  private final int[] seeds;
  private final int batchSize;
  private final long seed;
  private int cachedEpoch = -1;
  private int[] cachedOrder;

  public SeedBatches(int[] seeds, int batchSize, long seed) {
    if (seeds.length == 0) {
      throw new IllegalArgumentException("there are no training seeds");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 (got " + batchSize + ")");
    }
    this.seeds = seeds.clone();
    this.batchSize = batchSize;
    this.seed = seed;
  }

  @Override
  public int batchesPerEpoch() {
    return (seeds.length + batchSize - 1) / batchSize;
  }

  @Override
  public synchronized TrainingBatch batch(int epoch, int index) {
    if (epoch != cachedEpoch) {
      cachedOrder = shuffled(seeds, SeedDerivation.derive(seed, epoch));
      cachedEpoch = epoch;
    }
    return TrainingBatch.of(Arrays.copyOfRange(cachedOrder, index * batchSize,
        Math.min(cachedOrder.length, (index + 1) * batchSize)));
  }

  /** A Fisher-Yates shuffle of a copy of {@code values}. */
  static int[] shuffled(int[] values, long seed) {
    int[] out = values.clone();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }
}
