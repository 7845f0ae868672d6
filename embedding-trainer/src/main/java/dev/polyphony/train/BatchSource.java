package dev.polyphony.train;

import dev.polyphony.task.TrainingBatch;

/**
 * The batches of every epoch of a run, a pure function of (epoch, index) and the source's seed, so that a
 * resumed run sees exactly the batches an uninterrupted one would.
 */
public interface BatchSource {
  /** Number of batches in each epoch ({@code > 0}). */
  int batchesPerEpoch();

  /** Batch {@code index} ({@code 0..batchesPerEpoch()-1}) of 1-based epoch {@code epoch}. */
  TrainingBatch batch(int epoch, int index);
}
