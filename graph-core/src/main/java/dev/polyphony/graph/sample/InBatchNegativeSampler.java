package dev.polyphony.graph.sample;

import dev.polyphony.graph.NodeType;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * In-batch negatives: the positives of the other pairs of the batch serve as the negatives of each
 * query (as in sampled-softmax two-tower training, Yi et al., RecSys 2019), so popular nodes are used as
 * negatives as often as they occur as positives.
 *
 * <p>For pair {@code i} the candidates are {@code positives[j]} for {@code j != i}, in batch order,
 * without those equal to {@code positives[i]} or known positives of {@code queries[i]} (unless allowed).
 * With at most {@code negativesPerQuery} candidates all are returned in batch order and the remaining
 * slots are {@link NegativeSamples#MISSING}; with more, {@code negativesPerQuery} distinct positions are
 * chosen uniformly without replacement. The candidates are enumerated exactly, so
 * {@link NegativeConfig#maxAttempts()} does not apply. O(batch^2) filter tests per batch.
 */
public final class InBatchNegativeSampler implements NegativeSampler {
  private final NodeType negativeType;
  private final PositiveFilter filter;
  private final NegativeConfig config;

  public InBatchNegativeSampler(NodeType negativeType, PositiveFilter filter, NegativeConfig config) {
    this.negativeType = Objects.requireNonNull(negativeType, "negativeType");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public NodeType negativeType() {
    return negativeType;
  }

  @Override
  public NegativeSamples sample(int[] queries, int[] positives, long batch) {
    if (queries.length != positives.length) {
      throw new IllegalArgumentException("queries (" + queries.length + ") and positives (" + positives.length
          + ") differ in length");
    }
    int k = config.negativesPerQuery();
    int[] out = new int[Math.multiplyExact(queries.length, k)];
    Arrays.fill(out, NegativeSamples.MISSING);
    IntArrayList candidates = new IntArrayList(positives.length);
    for (int i = 0; i < queries.length; i++) {
      candidates.clear();
      for (int j = 0; j < positives.length; j++) {
        int c = positives[j];
        if (j != i && (config.allowPositives() || (c != positives[i] && !filter.isPositive(queries[i], c)))) {
          candidates.add(c);
        }
      }
      int size = candidates.size();
      int[] pool = candidates.elements();
      if (size > k) {
        SplittableRandom random = new SplittableRandom(SeedDerivation.derive(config.seed(), batch, i));
        for (int s = 0; s < k; s++) {
          int r = s + random.nextInt(size - s);
          int tmp = pool[s];
          pool[s] = pool[r];
          pool[r] = tmp;
        }
      }
      System.arraycopy(pool, 0, out, i * k, Math.min(size, k));
    }
    return new NegativeSamples(out, k);
  }
}
