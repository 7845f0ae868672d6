package dev.polyphony.eval;

import java.util.Objects;

/**
 * The metrics of one recommender under one protocol, each the mean over the protocol's queries
 * ({@link RankingMetrics}: recall with the {@code |relevant|} denominator, NDCG with binary relevance).
 * With no queries every metric is 0.
 *
 * @param recommender the recommender's {@link PlaylistRecommender#name()}
 * @param queries playlists evaluated
 * @param relevant relevant tracks over all queries
 */
public record EvaluationResult(String recommender, EvaluationProtocol protocol, int queries, int relevant,
    double recallAt10, double recallAt50, double ndcgAt50) {

  public EvaluationResult {
    Objects.requireNonNull(recommender, "recommender");
    Objects.requireNonNull(protocol, "protocol");
    if (queries < 0 || relevant < queries) {
      throw new IllegalArgumentException("need 0 <= queries <= relevant (got " + queries + " queries, "
          + relevant + " relevant)");
    }
  }
}
