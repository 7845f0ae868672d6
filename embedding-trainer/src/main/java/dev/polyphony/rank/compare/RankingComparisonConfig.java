package dev.polyphony.rank.compare;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankTrainConfig;
import dev.polyphony.rank.fusion.CrossEntropyMethod;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link RankingComparison}.
 *
 * @param heads the heads compared, with distinct labels
 * @param seeds runs per head, {@code > 0}; run {@code i} uses seed {@code firstSeed + i} for initialisation,
 *     batch order and the fusion search
 * @param firstSeed seed of the first run
 * @param training optimisation settings (its seed is replaced per run)
 * @param ndcgK cut-off of the fused ranking's NDCG and exposure, {@code > 0}
 * @param credits the long-term objective's credit per exposure trait, {@code >= 0}
 * @param fusion the cross-entropy method's settings for the fusion search (its seed is replaced per run)
 * @param tradeOffHead label of the head whose fusion trade-off curve is traced (first run), or {@code null}
 * @param tradeOffTrait the trait whose credit the trade-off curve varies
 * @param tradeOffCredits the credits of the curve, each {@code >= 0}
 */
public record RankingComparisonConfig(List<HeadConfig> heads, int seeds, long firstSeed, RankTrainConfig training,
    int ndcgK, Map<ExposureTrait, Double> credits, CrossEntropyMethod fusion, String tradeOffHead,
    ExposureTrait tradeOffTrait, double[] tradeOffCredits) {
  /** The heads compared by default: every kind, and distillation on shared-bottom and MMoE. */
  public static final List<String> DEFAULT_HEADS = List.of("shared-bottom", "mmoe", "ple", "esmm", "aitm",
      "clicked-only", "shared-bottom+kd", "mmoe+kd");

  public RankingComparisonConfig {
    heads = List.copyOf(heads);
    if (heads.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one head (got none)");
    }
    LinkedHashSet<String> labels = new LinkedHashSet<>();
    for (HeadConfig h : heads) {
      if (!labels.add(h.label())) {
        throw new IllegalArgumentException("head '" + h.label() + "' is given twice");
      }
    }
    if (seeds <= 0) {
      throw new IllegalArgumentException("seeds must be > 0 (got " + seeds + ")");
    }
    Objects.requireNonNull(training, "training");
    if (ndcgK <= 0) {
      throw new IllegalArgumentException("ndcgK must be > 0 (got " + ndcgK + ")");
    }
    EnumMap<ExposureTrait, Double> copy = new EnumMap<>(ExposureTrait.class);
    credits.forEach((trait, c) -> {
      if (!(c >= 0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("credit of " + trait.label() + " must be finite and >= 0 (got " + c + ")");
      }
      copy.put(trait, c);
    });
    credits = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(fusion, "fusion");
    Objects.requireNonNull(tradeOffTrait, "tradeOffTrait");
    tradeOffCredits = tradeOffCredits.clone();
    for (double c : tradeOffCredits) {
      if (!(c >= 0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("trade-off credits must be finite and >= 0 (got " + c + ")");
      }
    }
  }

  /**
   * {@link #DEFAULT_HEADS}, 3 seeds from 1, 20 epochs of 1024 impressions at Adam 0.005 with patience 3,
   * NDCG@10, credit 0.1 for each trait's exposure, the default cross-entropy search, and MMoE's trade-off over
   * tail-creator credits 0 to 1.
   */
  public static RankingComparisonConfig defaults() {
    Map<ExposureTrait, Double> credits = new EnumMap<>(ExposureTrait.class);
    for (ExposureTrait t : ExposureTrait.values()) {
      credits.put(t, 0.1);
    }
    return new RankingComparisonConfig(DEFAULT_HEADS.stream().map(HeadConfig::parse).toList(), 3, 1,
        new RankTrainConfig(20, 1024, 0.005, 0, 3, 1), 10, credits, CrossEntropyMethod.defaults(1), "mmoe",
        ExposureTrait.TAIL_CREATOR, new double[] {0, 0.05, 0.1, 0.2, 0.5, 1});
  }

  public RankingComparisonConfig withHeads(List<HeadConfig> newHeads) {
    return new RankingComparisonConfig(newHeads, seeds, firstSeed, training, ndcgK, credits, fusion, tradeOffHead,
        tradeOffTrait, tradeOffCredits);
  }

  public RankingComparisonConfig withSeeds(int newSeeds, long newFirstSeed) {
    return new RankingComparisonConfig(heads, newSeeds, newFirstSeed, training, ndcgK, credits, fusion, tradeOffHead,
        tradeOffTrait, tradeOffCredits);
  }

  public RankingComparisonConfig withTraining(RankTrainConfig newTraining) {
    return new RankingComparisonConfig(heads, seeds, firstSeed, newTraining, ndcgK, credits, fusion, tradeOffHead,
        tradeOffTrait, tradeOffCredits);
  }

  public RankingComparisonConfig withCredits(Map<ExposureTrait, Double> newCredits) {
    return new RankingComparisonConfig(heads, seeds, firstSeed, training, ndcgK, newCredits, fusion, tradeOffHead,
        tradeOffTrait, tradeOffCredits);
  }

  public RankingComparisonConfig withFusion(CrossEntropyMethod newFusion, String head, double[] credits) {
    return new RankingComparisonConfig(heads, seeds, firstSeed, training, ndcgK, this.credits, newFusion, head,
        tradeOffTrait, credits);
  }

  @Override
  public double[] tradeOffCredits() {
    return tradeOffCredits.clone();
  }
}
