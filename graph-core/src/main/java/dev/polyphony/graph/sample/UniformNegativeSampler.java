package dev.polyphony.graph.sample;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Negatives drawn uniformly from all nodes of one type, refusing known positives (see
 * {@link PooledNegativeSampler} for what happens when a query is positive with nearly every node).
 */
public final class UniformNegativeSampler extends PooledNegativeSampler {
  private final CandidatePool pool;

  public UniformNegativeSampler(HeteroGraph graph, NodeType negativeType, PositiveFilter filter,
      NegativeConfig config) {
    super(negativeType, filter, config);
    int n = graph.nodeCount(negativeType);
    pool = new CandidatePool() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public int draw(SplittableRandom random) {
        return random.nextInt(n);
      }

      @Override
      public int candidate(int index) {
        return index;
      }

      @Override
      public double weight(int index) {
        return 1;
      }
    };
  }

  @Override
  IntFunction<CandidatePool> pools() {
    return query -> pool;
  }
}
