package dev.polyphony.graph.analysis;

import java.util.Objects;

/**
 * Parameters of {@link GraphStatistics}.
 *
 * @param projection graph PageRank runs on (components always use the whole graph)
 * @param topK number of highest-ranked nodes to report
 * @param maxGroupSize in a metapath projection, the most members of one via-node (for example tracks of
 *     one playlist) that are paired; larger groups contribute a seeded sample of this many members, because
 *     a group of size s adds s(s-1)/2 pairs
 * @param maxProjectionPairs refuse a metapath projection whose pair count (upper bound, before merging
 *     repeats) exceeds this, rather than exhaust memory
 * @param damping PageRank damping factor in (0, 1)
 * @param maxIterations PageRank iteration limit
 * @param tolerance PageRank convergence tolerance
 * @param seed seed of the member sample of oversized groups
 */
public record GraphStatisticsConfig(Projection projection, int topK, int maxGroupSize,
    long maxProjectionPairs, double damping, int maxIterations, double tolerance, long seed) {

  public static final int DEFAULT_TOP_K = 10;
  /** Large enough to keep every playlist of the Spotify songs and MPD data whole (MPD caps at 250). */
  public static final int DEFAULT_MAX_GROUP_SIZE = 500;
  public static final long DEFAULT_MAX_PROJECTION_PAIRS = 50_000_000L;

  public GraphStatisticsConfig {
    Objects.requireNonNull(projection, "projection");
    if (topK <= 0) {
      throw new IllegalArgumentException("topK must be > 0 (got " + topK + ")");
    }
    if (maxGroupSize < 2) {
      throw new IllegalArgumentException("maxGroupSize must be >= 2 (got " + maxGroupSize + ")");
    }
    if (maxProjectionPairs <= 0) {
      throw new IllegalArgumentException("maxProjectionPairs must be > 0 (got " + maxProjectionPairs + ")");
    }
    if (!(damping > 0 && damping < 1)) {
      throw new IllegalArgumentException("damping must be in (0, 1) (got " + damping + ")");
    }
    if (maxIterations <= 0) {
      throw new IllegalArgumentException("maxIterations must be > 0 (got " + maxIterations + ")");
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0 (got " + tolerance + ")");
    }
  }

  /** Whole-graph PageRank, top 10, damping 0.85, 100 iterations, tolerance 1e-6, seed 42. */
  public static GraphStatisticsConfig defaults() {
    return new GraphStatisticsConfig(Projection.WHOLE, DEFAULT_TOP_K, DEFAULT_MAX_GROUP_SIZE,
        DEFAULT_MAX_PROJECTION_PAIRS, 0.85, 100, 1e-6, 42L);
  }

  public GraphStatisticsConfig withProjection(Projection p) {
    return new GraphStatisticsConfig(p, topK, maxGroupSize, maxProjectionPairs, damping, maxIterations,
        tolerance, seed);
  }

  public GraphStatisticsConfig withTopK(int k) {
    return new GraphStatisticsConfig(projection, k, maxGroupSize, maxProjectionPairs, damping, maxIterations,
        tolerance, seed);
  }

  public GraphStatisticsConfig withMaxGroupSize(int size) {
    return new GraphStatisticsConfig(projection, topK, size, maxProjectionPairs, damping, maxIterations,
        tolerance, seed);
  }

  public GraphStatisticsConfig withMaxProjectionPairs(long pairs) {
    return new GraphStatisticsConfig(projection, topK, maxGroupSize, pairs, damping, maxIterations,
        tolerance, seed);
  }
}
