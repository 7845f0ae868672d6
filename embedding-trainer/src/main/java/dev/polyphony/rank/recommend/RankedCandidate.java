package dev.polyphony.rank.recommend;

import dev.polyphony.retrieval.candidates.Candidate;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a final list.
 *
 * @param rank 1-based position
 * @param candidate what retrieval proposed: id, catalog row, retrieval score and every reason
 * @param fusedScore the fusion of the task probabilities and traits the list is ordered by
 * @param taskScores per task (in the head's order) the probability on the entire impression space
 */
public record RankedCandidate(int rank, Candidate candidate, double fusedScore, Map<String, Double> taskScores) {
  public RankedCandidate {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1 (got " + rank + ")");
    }
    Objects.requireNonNull(candidate, "candidate");
    taskScores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taskScores));
  }

  public String id() {
    return candidate.id();
  }
}
