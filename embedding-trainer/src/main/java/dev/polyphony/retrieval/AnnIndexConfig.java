package dev.polyphony.retrieval;

import dev.polyphony.embedding.Metric;
import java.util.Objects;

/**
 * Parameters of an {@link AnnIndex}, an HNSW graph (Malkov and Yashunin, "Efficient and robust
 * approximate nearest neighbor search using Hierarchical Navigable Small World graphs", TPAMI 2018).
 *
 * @param metric cosine or inner product
 * @param m links per node per layer ({@code M} in the paper; the bottom layer keeps {@code 2M}); more
 *     links raise recall and memory; in [2, 512]
 * @param efConstruction candidate list size while inserting ({@code efConstruction}); higher builds
 *     a better graph, slower; > 0
 * @param ef candidate list size while searching ({@code ef}); raised to {@code k} when smaller;
 *     higher raises recall and latency; > 0
 * @param threads threads inserting in parallel, and scanning in exact fallbacks; 1 makes the graph
 *     a function of {@code seed} alone, more threads make it depend on scheduling as well; > 0
 * @param seed seeds the random layer assignment of inserted nodes
 * @param filterFetchLimit the most candidates a filtered search takes from the graph before it turns
 *     to an exact scan of the rows the filter accepts; > 0
 */
public record AnnIndexConfig(Metric metric, int m, int efConstruction, int ef, int threads, long seed,
    int filterFetchLimit) {
  public static final int DEFAULT_M = 16;
  public static final int DEFAULT_EF_CONSTRUCTION = 200;
  public static final int DEFAULT_EF = 128;
  public static final long DEFAULT_SEED = 1;
  public static final int DEFAULT_FILTER_FETCH_LIMIT = 2048;

  public AnnIndexConfig {
    Objects.requireNonNull(metric, "metric");
    if (m < 2 || m > 512) {
      throw new IllegalArgumentException("m must be in [2, 512] (got " + m + ")");
    }
    if (efConstruction <= 0) {
      throw new IllegalArgumentException("efConstruction must be > 0 (got " + efConstruction + ")");
    }
    if (ef <= 0) {
      throw new IllegalArgumentException("ef must be > 0 (got " + ef + ")");
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0 (got " + threads + ")");
    }
    if (filterFetchLimit <= 0) {
      throw new IllegalArgumentException("filterFetchLimit must be > 0 (got " + filterFetchLimit + ")");
    }
  }

  /** M 16, efConstruction 200, ef 128, seed 1, filter fetch limit 2048, all available processors. */
  public static AnnIndexConfig defaults(Metric metric) {
    return new AnnIndexConfig(metric, DEFAULT_M, DEFAULT_EF_CONSTRUCTION, DEFAULT_EF,
        Runtime.getRuntime().availableProcessors(), DEFAULT_SEED, DEFAULT_FILTER_FETCH_LIMIT);
  }

  public AnnIndexConfig withM(int newM) {
    return new AnnIndexConfig(metric, newM, efConstruction, ef, threads, seed, filterFetchLimit);
  }

  public AnnIndexConfig withEfConstruction(int newEfConstruction) {
    return new AnnIndexConfig(metric, m, newEfConstruction, ef, threads, seed, filterFetchLimit);
  }

  public AnnIndexConfig withEf(int newEf) {
    return new AnnIndexConfig(metric, m, efConstruction, newEf, threads, seed, filterFetchLimit);
  }

  public AnnIndexConfig withThreads(int newThreads) {
    return new AnnIndexConfig(metric, m, efConstruction, ef, newThreads, seed, filterFetchLimit);
  }

  public AnnIndexConfig withSeed(long newSeed) {
    return new AnnIndexConfig(metric, m, efConstruction, ef, threads, newSeed, filterFetchLimit);
  }

  public AnnIndexConfig withFilterFetchLimit(int limit) {
    return new AnnIndexConfig(metric, m, efConstruction, ef, threads, seed, limit);
  }
}
