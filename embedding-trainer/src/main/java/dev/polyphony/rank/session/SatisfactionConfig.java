package dev.polyphony.rank.session;

/**
 * Parameters of the simulated user's satisfaction ({@link SatisfactionModel}).
 *
 * @param initial satisfaction before the first request, finite
 * @param memory {@code rho} in [0, 1): how much of the previous satisfaction carries over to the next request
 * @param fitWeight weight of the slate's fit (its mean click probability), finite
 * @param diversityWeight weight of the slate's genre diversity, finite
 * @param freshWeight weight of the slate's share of fresh tracks, finite
 * @param continueBias logit intercept of continuing the session, finite
 * @param continueSlope logit slope of continuing in the satisfaction, finite
 * @param saveReward reward of a save on top of its click, {@code >= 0}
 */
public record SatisfactionConfig(double initial, double memory, double fitWeight, double diversityWeight, double freshWeight,
    double continueBias, double continueSlope, double saveReward) {

  public SatisfactionConfig {
    finite("initial", initial);
    if (!(memory >= 0 && memory < 1)) {
      throw new IllegalArgumentException("memory must be in [0, 1) (got " + memory + ")");
    }
    finite("fitWeight", fitWeight);
    finite("diversityWeight", diversityWeight);
    finite("freshWeight", freshWeight);
    finite("continueBias", continueBias);
    finite("continueSlope", continueSlope);
    if (!(saveReward >= 0) || Double.isInfinite(saveReward)) {
      throw new IllegalArgumentException("saveReward must be a finite number >= 0 (got " + saveReward + ")");
    }
  }

  /** Initial 1.5, memory 0.5; fit 3, diversity 1.2, fresh 1; continuation logit {@code -3 + 3 s}; a save earns 1 more. */
  public static SatisfactionConfig defaults() {
    return new SatisfactionConfig(1.5, 0.5, 3, 1.2, 1, -3, 3, 1);
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite (got " + value + ")");
    }
  }
}
