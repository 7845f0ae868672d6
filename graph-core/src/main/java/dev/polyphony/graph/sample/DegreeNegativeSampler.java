package dev.polyphony.graph.sample;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Negatives drawn with probability proportional to {@code degree^exponent}, the unigram^0.75 noise
 * distribution of word2vec (Mikolov et al., NeurIPS 2013) applied to node degrees, as in PinSage's and
 * LINE's negative sampling. Draws are O(1) through an {@link AliasTable}. Degrees are the row lengths of
 * {@code degreeHop} from the negative type (e.g. {@code track <-contains- playlist}: playlists per track);
 * with a positive exponent, nodes of degree 0 are never drawn. Known positives are refused as described in
 * {@link PooledNegativeSampler}.
 */
public final class DegreeNegativeSampler extends PooledNegativeSampler {
  /** The word2vec exponent. */
  public static final double WORD2VEC_EXPONENT = 0.75;

  private final CsrAdjacency degrees;
  private final double exponent;
  private final AliasTable table;
  private final CandidatePool pool;

  /**
   * @throws IllegalArgumentException when {@code exponent} is negative or not finite, or every weight is 0
   */
  public DegreeNegativeSampler(HeteroGraph graph, WalkHop degreeHop, double exponent, PositiveFilter filter,
      NegativeConfig config) {
    super(degreeHop.from(), filter, config);
    if (!(exponent >= 0) || !Double.isFinite(exponent)) {
      throw new IllegalArgumentException("exponent must be finite and >= 0 (got " + exponent + ")");
    }
    this.degrees = degreeHop.adjacency(graph);
    this.exponent = exponent;
    int n = degrees.rowCount();
    if (n == 0) {
      throw new IllegalArgumentException("no '" + degreeHop.from() + "' nodes to draw negatives from");
    }
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = weightOf(i);
    }
    try {
      this.table = new AliasTable(weights);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("every '" + degreeHop.from() + "' node has degree 0 under "
          + degreeHop + ", so no negative can be drawn", e);
    }
    pool = new CandidatePool() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public int draw(SplittableRandom random) {
        return table.sample(random);
      }

      @Override
      public int candidate(int index) {
        return index;
      }

      @Override
      public double weight(int index) {
        return weightOf(index);
      }
    };
  }

  /** {@code degree^exponent} of {@code node}. */
  public double weightOf(int node) {
    int d = degrees.degree(node);
    return d == 0 && exponent > 0 ? 0 : Math.pow(d, exponent);
  }

  /** The alias table over all nodes of the negative type. */
  public AliasTable table() {
    return table;
  }

  @Override
  IntFunction<CandidatePool> pools() {
    return query -> pool;
  }
}
