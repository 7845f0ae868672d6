package dev.polyphony.rank.recommend;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankTrainConfig;
import dev.polyphony.rank.data.LastfmImpressionsConfig;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link LastfmRecommender}.
 *
 * @param impressions how the training impressions and their feature space are built
 * @param splitSeed seed of the 70 / 15 / 15 split of the impressions by user
 * @param head the ranking head
 * @param training its optimisation (its seed also seeds the fusion search)
 * @param credits the long-term objective's credit per exposure trait, each finite and {@code >= 0}
 * @param ndcgK cut-off of the objective's NDCG, {@code > 0}
 * @param candidates items retrieval proposes per request, {@code > 0}
 */
public record LastfmRecommenderConfig(LastfmImpressionsConfig impressions, long splitSeed, HeadConfig head,
    RankTrainConfig training, Map<ExposureTrait, Double> credits, int ndcgK, int candidates) {

  public LastfmRecommenderConfig {
    Objects.requireNonNull(impressions, "impressions");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(training, "training");
    EnumMap<ExposureTrait, Double> copy = new EnumMap<>(ExposureTrait.class);
    credits.forEach((trait, c) -> {
      if (!(c >= 0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("credit of " + trait.label() + " must be finite and >= 0 (got " + c + ")");
      }
      copy.put(trait, c);
    });
    credits = Collections.unmodifiableMap(copy);
    if (ndcgK <= 0) {
      throw new IllegalArgumentException("ndcgK must be > 0 (got " + ndcgK + ")");
    }
    if (candidates <= 0) {
      throw new IllegalArgumentException("candidates must be > 0 (got " + candidates + ")");
    }
  }

  /**
   * The comparison's impressions and split (seed 1), an ESMM head trained for at most 10 epochs of 1,024
   * impressions at Adam 0.005 with seed 1, credit 0.1 for tail-creator exposure in the top 10, 100 candidates.
   */
  public static LastfmRecommenderConfig defaults() {
    return new LastfmRecommenderConfig(LastfmImpressionsConfig.defaults(), 1, HeadConfig.parse("esmm"),
        new RankTrainConfig(10, 1024, 0.005, 0, 3, 1), Map.of(ExposureTrait.TAIL_CREATOR, 0.1), 10, 100);
  }

  public LastfmRecommenderConfig withHead(HeadConfig newHead) {
    return new LastfmRecommenderConfig(impressions, splitSeed, newHead, training, credits, ndcgK, candidates);
  }

  public LastfmRecommenderConfig withTraining(RankTrainConfig newTraining) {
    return new LastfmRecommenderConfig(impressions, splitSeed, head, newTraining, credits, ndcgK, candidates);
  }

  public LastfmRecommenderConfig withImpressions(LastfmImpressionsConfig newImpressions) {
    return new LastfmRecommenderConfig(newImpressions, splitSeed, head, training, credits, ndcgK, candidates);
  }

  public LastfmRecommenderConfig withCandidates(int newCandidates) {
    return new LastfmRecommenderConfig(impressions, splitSeed, head, training, credits, ndcgK, newCandidates);
  }
}
