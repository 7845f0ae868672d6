package dev.polyphony.rank.recommend;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankTrainConfig;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a recommender's ranking head and fusion are made from training impressions (see {@link TrainedHead}),
 * and how many candidates it ranks.
 *
 * @param splitSeed seed of the 70 / 15 / 15 split of the impressions by query
 * @param head the ranking head
 * @param training its optimisation (its seed also seeds the fusion search)
 * @param credits the long-term objective's credit per exposure trait, each finite and {@code >= 0}
 * @param ndcgK cut-off of the objective's NDCG, {@code > 0}
 * @param candidates items retrieval proposes per request, {@code > 0}
 */
public record RecommenderConfig(long splitSeed, HeadConfig head,
    RankTrainConfig training, Map<ExposureTrait, Double> credits, int ndcgK, int candidates) {

  public RecommenderConfig {
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
   * The comparison's split (seed 1), an ESMM head trained for at most 10 epochs of 1,024
   * impressions at Adam 0.005 with seed 1, credit 0.1 for tail-creator and fresh exposure in the top 10, 100 candidates.
   */
  public static RecommenderConfig defaults() {
    return new RecommenderConfig(1, HeadConfig.parse("esmm"),
        new RankTrainConfig(10, 1024, 0.005, 0, 3, 1), Map.of(ExposureTrait.TAIL_CREATOR, 0.1, ExposureTrait.FRESH, 0.1), 10, 100);
  }

  public RecommenderConfig withHead(HeadConfig newHead) {
    return new RecommenderConfig(splitSeed, newHead, training, credits, ndcgK, candidates);
  }

  public RecommenderConfig withTraining(RankTrainConfig newTraining) {
    return new RecommenderConfig(splitSeed, head, newTraining, credits, ndcgK, candidates);
  }

  public RecommenderConfig withCandidates(int newCandidates) {
    return new RecommenderConfig(splitSeed, head, training, credits, ndcgK, newCandidates);
  }
}
