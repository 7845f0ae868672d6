package dev.polyphony.retrieval.candidates;

import java.util.List;
import java.util.Objects;

/**
 * One proposed track: its row in the embedding table, its external id, the score its generator ranked
 * it by (higher is better; comparable only within one generator's list) and at least one
 * {@link Reason}.
 *
 * @param row row of the track in the embedding table (and the vector index); >= 0
 * @param id external track id
 * @param score the ranking score of the generator that placed it; finite
 * @param reasons why it is here, the placing generator's first; non-empty, copied
 */
public record Candidate(int row, String id, double score, List<Reason> reasons) {
  public Candidate {
    if (row < 0) {
      throw new IllegalArgumentException("row must be >= 0 (got " + row + ")");
    }
    Objects.requireNonNull(id, "id");
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite (got " + score + ")");
    }
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("candidate '" + id + "' needs at least one reason");
    }
  }

  /** A candidate with a single reason. */
  public static Candidate of(int row, String id, double score, Reason reason) {
    return new Candidate(row, id, score, List.of(reason));
  }

  /** The generator that placed this candidate: the generator of the first reason. */
  public String generator() {
    return reasons.get(0).generator();
  }

  /** The same candidate with {@code others} reasons in place of its own. */
  public Candidate withReasons(List<Reason> others) {
    return new Candidate(row, id, score, others);
  }
}
