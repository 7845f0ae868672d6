package dev.polyphony.rank.sequence;

import dev.polyphony.rank.compare.RankingComparisonConfig;
import java.util.Objects;

/**
 * Parameters of {@link SequenceComparison}.
 *
 * @param source where the sequences come from
 * @param users users of the synthetic catalog and its impressions, {@code > 0}
 * @param listensPerUser mean listens per user of the catalog, {@code >= 1}
 * @param listenWindowDays days in which the catalog's listens fall, {@code > 0}
 * @param featureNoise noise on the factors the impression features show ({@link
 *     dev.polyphony.rank.data.SyntheticImpressionsConfig#featureNoise}), {@code >= 0}
 * @param embeddingDimension dimension of the item embeddings pooled, {@code > 0}
 * @param windows the time scales
 * @param ranking heads, seeds and training of the compared runs
 * @param splitSeed seed of the split by user
 * @param timeSeed seed of the impression times, drawn uniformly in the second half of the listen window
 */
public record SequenceComparisonConfig(SequenceSource source, int users, double listensPerUser, int listenWindowDays, double featureNoise,
    int embeddingDimension,
    SequenceWindows windows, RankingComparisonConfig ranking, long splitSeed, long timeSeed) {
  public SequenceComparisonConfig {
    Objects.requireNonNull(source, "source");
    if (users <= 0) {
      throw new IllegalArgumentException("users must be > 0 (got " + users + ")");
    }
    if (!(listensPerUser >= 1) || Double.isInfinite(listensPerUser)) {
      throw new IllegalArgumentException("listensPerUser must be a finite number >= 1 (got " + listensPerUser + ")");
    }
    if (listenWindowDays <= 0) {
      throw new IllegalArgumentException("listenWindowDays must be > 0 (got " + listenWindowDays + ")");
    }
    if (!(featureNoise >= 0) || Double.isInfinite(featureNoise)) {
      throw new IllegalArgumentException("featureNoise must be a finite number >= 0 (got " + featureNoise + ")");
    }
    if (embeddingDimension <= 0) {
      throw new IllegalArgumentException("embeddingDimension must be > 0 (got " + embeddingDimension + ")");
    }
    Objects.requireNonNull(windows, "windows");
    Objects.requireNonNull(ranking, "ranking");
  }
}
