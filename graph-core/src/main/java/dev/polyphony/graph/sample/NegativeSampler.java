package dev.polyphony.graph.sample;

import dev.polyphony.graph.NodeType;

/**
 * Draws negatives for the (query, positive) pairs of a training batch.
 *
 * <p>Contract: unless {@link NegativeConfig#allowPositives()} is set, no returned negative equals the
 * pair's positive or is a known positive of the query according to the sampler's
 * {@link PositiveFilter}; a slot that cannot be filled that way holds {@link NegativeSamples#MISSING}.
 * Draws depend only on the config's seed, {@code batch} and the pair's index, never on thread
 * scheduling; implementations are thread-safe.
 */
public interface NegativeSampler {

  /** The node type of the negatives. */
  NodeType negativeType();

  /**
   * Negatives for each pair {@code (queries[i], positives[i])}.
   *
   * @param batch identifies the batch (e.g. epoch * batches + batch index) so that batches differ
   * @throws IllegalArgumentException when the arrays differ in length
   */
  NegativeSamples sample(int[] queries, int[] positives, long batch);
}
