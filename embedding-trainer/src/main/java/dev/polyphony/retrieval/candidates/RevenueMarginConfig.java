package dev.polyphony.retrieval.candidates;

/**
 * Parameters of {@link RevenueMargin}.
 *
 * @param marginWeight {@code λ} in {@code (1 - λ) relevance + λ margin}; in [0, 1]
 * @param pool the most relevant tracks re-scored; > 0 (at least {@code k} are taken)
 */
public record RevenueMarginConfig(double marginWeight, int pool) {
  public static final double DEFAULT_MARGIN_WEIGHT = 0.3;
  public static final int DEFAULT_POOL = 500;

  public RevenueMarginConfig {
    if (!(marginWeight >= 0 && marginWeight <= 1)) {
      throw new IllegalArgumentException("marginWeight must be in [0, 1] (got " + marginWeight + ")");
    }
    if (pool <= 0) {
      throw new IllegalArgumentException("pool must be > 0 (got " + pool + ")");
    }
  }

  /** λ 0.3 over the 500 most relevant tracks. */
  public static RevenueMarginConfig defaults() {
    return new RevenueMarginConfig(DEFAULT_MARGIN_WEIGHT, DEFAULT_POOL);
  }

  public RevenueMarginConfig withMarginWeight(double weight) {
    return new RevenueMarginConfig(weight, pool);
  }

  public RevenueMarginConfig withPool(int size) {
    return new RevenueMarginConfig(marginWeight, size);
  }
}
