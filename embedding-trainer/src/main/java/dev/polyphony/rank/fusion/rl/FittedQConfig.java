package dev.polyphony.rank.fusion.rl;

/**
 * Parameters of {@link FittedQIteration}.
 *
 * @param gamma discount in [0, 1]
 * @param iterations regression rounds, {@code > 0}
 * @param ridge L2 penalty of the per-action regressions, {@code > 0}
 * @param pessimism {@code beta >= 0}: the lower confidence bound subtracts {@code beta} standard errors
 * @param supportThreshold in [0, 1]: an action is in the behaviour policy's support when its mean propensity is at
 *     least this share of the largest one
 */
public record FittedQConfig(double gamma, int iterations, double ridge, double pessimism, double supportThreshold) {
  public FittedQConfig {
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in [0, 1] (got " + gamma + ")");
    }
    if (iterations <= 0) {
      throw new IllegalArgumentException("iterations must be > 0 (got " + iterations + ")");
    }
    if (!(ridge > 0) || Double.isInfinite(ridge)) {
      throw new IllegalArgumentException("ridge must be a finite number > 0 (got " + ridge + ")");
    }
    if (!(pessimism >= 0) || Double.isInfinite(pessimism)) {
      throw new IllegalArgumentException("pessimism must be a finite number >= 0 (got " + pessimism + ")");
    }
    if (!(supportThreshold >= 0 && supportThreshold <= 1)) {
      throw new IllegalArgumentException("supportThreshold must be in [0, 1] (got " + supportThreshold + ")");
    }
  }

  /** Discount 0.9, 40 rounds, ridge 1, pessimism 1 standard error, support threshold 0.05. */
  public static FittedQConfig defaults() {
    return new FittedQConfig(0.9, 40, 1, 1, 0.05);
  }
}
