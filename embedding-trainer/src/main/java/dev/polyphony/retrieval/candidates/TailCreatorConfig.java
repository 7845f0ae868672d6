package dev.polyphony.retrieval.candidates;

import java.util.Objects;

/**
 * Parameters of {@link TailCreator}.
 *
 * @param percentile creators whose popularity rank percentile is below this are in the tail; in (0, 100]
 * @param capPerCreator the most tracks of one creator in one list; > 0
 * @param aggregate how a creator's popularity is made from its tracks'
 */
public record TailCreatorConfig(double percentile, int capPerCreator, CreatorPopularity aggregate) {
  public static final double DEFAULT_PERCENTILE = 20;
  public static final int DEFAULT_CAP_PER_CREATOR = 2;

  public TailCreatorConfig {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100] (got " + percentile + ")");
    }
    if (capPerCreator <= 0) {
      throw new IllegalArgumentException("capPerCreator must be > 0 (got " + capPerCreator + ")");
    }
    Objects.requireNonNull(aggregate, "aggregate");
  }

  /** Below the 20th percentile by summed popularity, at most 2 tracks per creator. */
  public static TailCreatorConfig defaults() {
    return new TailCreatorConfig(DEFAULT_PERCENTILE, DEFAULT_CAP_PER_CREATOR, CreatorPopularity.SUM);
  }

  public TailCreatorConfig withPercentile(double p) {
    return new TailCreatorConfig(p, capPerCreator, aggregate);
  }

  public TailCreatorConfig withCapPerCreator(int cap) {
    return new TailCreatorConfig(percentile, cap, aggregate);
  }

  public TailCreatorConfig withAggregate(CreatorPopularity a) {
    return new TailCreatorConfig(percentile, capPerCreator, a);
  }
}
