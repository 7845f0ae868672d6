package dev.polyphony.graph.sample;

import dev.polyphony.graph.NodeType;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Base of the samplers that draw each negative independently (with replacement) from a weighted pool
 * of candidates per query, refusing known positives.
 *
 * <p>Each negative is drawn up to {@link NegativeConfig#maxAttempts()} times until it is not a positive.
 * When every attempt fails (the query is positive with most of the pool, e.g. a playlist holding nearly
 * every track), the sampler scans the pool once for that query, keeps the candidates that are not
 * positives with their weights, and draws the query's remaining negatives exactly from them: the
 * distribution is the pool's, restricted to non-positives, either way. When no candidate is left the
 * slot is {@link NegativeSamples#MISSING}. The scan costs O(pool size) for such a query only.
 */
abstract class PooledNegativeSampler implements NegativeSampler {
  private final NodeType negativeType;
  private final PositiveFilter filter;
  private final NegativeConfig config;

  PooledNegativeSampler(NodeType negativeType, PositiveFilter filter, NegativeConfig config) {
    this.negativeType = Objects.requireNonNull(negativeType, "negativeType");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The candidates of one query. */
  interface CandidatePool {
    /** Number of candidates; 0 when the query has none. */
    int size();

    /** One candidate drawn with probability proportional to its weight. */
    int draw(SplittableRandom random);

    int candidate(int index);

    double weight(int index);
  }

  /**
   * A source of per-query pools for one {@link #sample} call, run on the calling thread (it may keep
   * scratch state).
   */
  abstract IntFunction<CandidatePool> pools();

  @Override
  public NodeType negativeType() {
    return negativeType;
  }

  public NegativeConfig config() {
    return config;
  }

  @Override
  public final NegativeSamples sample(int[] queries, int[] positives, long batch) {
    if (queries.length != positives.length) {
      throw new IllegalArgumentException("queries (" + queries.length + ") and positives (" + positives.length
          + ") differ in length");
    }
    int k = config.negativesPerQuery();
    int[] out = new int[Math.multiplyExact(queries.length, k)];
    IntFunction<CandidatePool> pools = pools();
    for (int i = 0; i < queries.length; i++) {
      SplittableRandom random = new SplittableRandom(SeedDerivation.derive(config.seed(), batch, i));
      int query = queries[i];
      int positive = positives[i];
      CandidatePool pool = pools.apply(query);
      Eligible eligible = null;
      for (int slot = 0; slot < k; slot++) {
        int negative = NegativeSamples.MISSING;
        if (pool.size() > 0) {
          if (eligible == null) {
            negative = tryDraws(pool, query, positive, random);
          }
          if (negative == NegativeSamples.MISSING) {
            if (eligible == null) {
              eligible = eligible(pool, query, positive);
            }
            negative = eligible.draw(random);
          }
        }
        out[i * k + slot] = negative;
      }
    }
    return new NegativeSamples(out, k);
  }

  private int tryDraws(CandidatePool pool, int query, int positive, SplittableRandom random) {
    for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
      int c = pool.draw(random);
      if (acceptable(query, positive, c)) {
        return c;
      }
    }
    return NegativeSamples.MISSING;
  }

  private boolean acceptable(int query, int positive, int candidate) {
    return config.allowPositives() || (candidate != positive && !filter.isPositive(query, candidate));
  }

  private Eligible eligible(CandidatePool pool, int query, int positive) {
    IntArrayList nodes = new IntArrayList();
    DoubleArrayList cumulative = new DoubleArrayList();
    double sum = 0;
    for (int j = 0; j < pool.size(); j++) {
      int c = pool.candidate(j);
      double w = pool.weight(j);
      if (w > 0 && acceptable(query, positive, c)) {
        sum += w;
        nodes.add(c);
        cumulative.add(sum);
      }
    }
    return new Eligible(nodes.toIntArray(), cumulative.toDoubleArray());
  }

  /** The non-positive candidates of one query with cumulative weights, for exact draws. */
  private record Eligible(int[] nodes, double[] cumulative) {
    int draw(SplittableRandom random) {
      if (nodes.length == 0) {
        return NegativeSamples.MISSING;
      }
      double u = random.nextDouble() * cumulative[cumulative.length - 1];
      int at = Arrays.binarySearch(cumulative, u);
      // binarySearch gives the insertion point for values between entries: the first cumulative > u.
      int index = at >= 0 ? at + 1 : -at - 1;
      return nodes[Math.min(index, nodes.length - 1)];
    }
  }
}
