package dev.polyphony.graph.sample;

import dev.polyphony.graph.CsrAdjacency;
import java.util.Objects;

/**
 * Says whether a candidate negative is a known positive of a query in the training graph, so samplers
 * can refuse it. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PositiveFilter {

  boolean isPositive(int query, int candidate);

  /** Knows no positives. */
  static PositiveFilter none() {
    return (query, candidate) -> false;
  }

  /** The candidate is the query itself (queries and negatives of one type). */
  static PositiveFilter sameNode() {
    return (query, candidate) -> query == candidate;
  }

  /**
   * The candidate is a neighbour of the query under {@code adjacency} (rows are queries, targets are
   * candidates), e.g. the tracks of a playlist. One binary search per test.
   */
  static PositiveFilter neighbors(CsrAdjacency adjacency) {
    Objects.requireNonNull(adjacency, "adjacency");
    return adjacency::contains;
  }

  /**
   * The candidate shares a neighbour with the query: some {@code m} has {@code query -> m} in
   * {@code queryToMiddle} and {@code m -> candidate} in {@code middleToCandidate} (e.g. tracks that share
   * a playlist with the query track). Costs one binary search per middle node of the query.
   */
  static PositiveFilter sharedNeighbor(CsrAdjacency queryToMiddle, CsrAdjacency middleToCandidate) {
    Objects.requireNonNull(queryToMiddle, "queryToMiddle");
    Objects.requireNonNull(middleToCandidate, "middleToCandidate");
    return (query, candidate) -> {
      for (int i = queryToMiddle.start(query), end = queryToMiddle.end(query); i < end; i++) {
        if (middleToCandidate.contains(queryToMiddle.target(i), candidate)) {
          return true;
        }
      }
      return false;
    };
  }

  /** Positive under this filter or under {@code other}. */
  default PositiveFilter or(PositiveFilter other) {
    Objects.requireNonNull(other, "other");
    return (query, candidate) -> isPositive(query, candidate) || other.isPositive(query, candidate);
  }
}
