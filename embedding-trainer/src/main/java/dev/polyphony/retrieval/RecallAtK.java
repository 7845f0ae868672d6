package dev.polyphony.retrieval;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Recall@k of a candidate index against an exact oracle: per query, the share of the oracle's top
 * {@code k} rows that the candidate's top {@code k} contains; averaged over the queries.
 *
 * @param k the cut-off
 * @param queries number of queries measured
 * @param mean mean recall over queries, in [0, 1]
 * @param min worst single-query recall
 */
public record RecallAtK(int k, int queries, double mean, double min) {

  /** Measures {@code candidate} against {@code oracle} on {@code queries}. */
  public static RecallAtK measure(VectorIndex candidate, VectorIndex oracle, float[][] queries, int k) {
    return measure(candidate, oracle, queries, k, null);
  }

  /**
   * Measures filtered search: both indexes search only the rows {@code rowFilter} accepts
   * ({@code null}: all rows). Queries for which the oracle finds nothing are counted as recall 1.
   */
  public static RecallAtK measure(VectorIndex candidate, VectorIndex oracle, float[][] queries, int k,
      IntPredicate rowFilter) {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(oracle, "oracle");
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    if (queries.length == 0) {
      throw new IllegalArgumentException("queries must not be empty");
    }
    if (candidate.size() != oracle.size()) {
      throw new IllegalArgumentException("candidate indexes " + candidate.size() + " rows, oracle "
          + oracle.size());
    }
    double sum = 0;
    double min = 1;
    for (float[] query : queries) {
      Neighbors truth = rowFilter == null ? oracle.search(query, k) : oracle.search(query, k, rowFilter);
      if (truth.size() == 0) {
        sum += 1;
        continue;
      }
      int[] expected = truth.rows();
      Arrays.sort(expected);
      Neighbors found = rowFilter == null ? candidate.search(query, k) : candidate.search(query, k, rowFilter);
      int hits = 0;
      for (int i = 0; i < found.size(); i++) {
        if (Arrays.binarySearch(expected, found.row(i)) >= 0) {
          hits++;
        }
      }
      double recall = (double) hits / truth.size();
      sum += recall;
      min = Math.min(min, recall);
    }
    return new RecallAtK(k, queries.length, sum / queries.length, min);
  }
}
