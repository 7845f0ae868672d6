package dev.polyphony.rank.data;

import static dev.polyphony.rank.ConfigChecks.finite;
import static dev.polyphony.rank.ConfigChecks.positive;
import static dev.polyphony.rank.ConfigChecks.unit;

/**
 * Parameters of {@link SyntheticImpressions}.
 *
 * @param users catalog users that receive impressions (the first ones by index), {@code > 0}
 * @param impressionsPerUser distinct tracks shown to each user, {@code > 0}
 * @param latentDim dimension of the latent user and item factors, {@code > 0}
 * @param featureNoise standard deviation of the noise on the factors the features show, {@code >= 0}
 * @param genreFocus probability that an impression comes from the user's preferred genre, in [0, 1]
 * @param taskCorrelation {@code rho} in [-1, 1]: how much the save and subscribe affinities share the click
 *     affinity (1 = the same relation, 0 = unrelated)
 * @param signal scale of the affinities in the logits, {@code >= 0}
 * @param clickBias logit intercept of a click
 * @param saveBias logit intercept of a save given a click
 * @param subscribeBias logit intercept of a subscription given a save
 * @param freshDays a track released this many days before the catalog's last release or later is fresh, {@code > 0}
 * @param tailPercentile creators whose summed track popularity is below this quantile are tail creators, in [0, 1]
 * @param seed seed of every draw
 */
public record SyntheticImpressionsConfig(int users, int impressionsPerUser, int latentDim, double featureNoise,
    double genreFocus, double taskCorrelation, double signal, double clickBias, double saveBias, double subscribeBias,
    int freshDays, double tailPercentile, long seed) {

  public SyntheticImpressionsConfig {
    positive("users", users);
    positive("impressionsPerUser", impressionsPerUser);
    positive("latentDim", latentDim);
    if (!(featureNoise >= 0) || Double.isInfinite(featureNoise)) {
      throw new IllegalArgumentException("featureNoise must be a finite number >= 0 (got " + featureNoise + ")");
    }
    unit("genreFocus", genreFocus);
    if (!(taskCorrelation >= -1 && taskCorrelation <= 1)) {
      throw new IllegalArgumentException("taskCorrelation must be in [-1, 1] (got " + taskCorrelation + ")");
    }
    if (!(signal >= 0) || Double.isInfinite(signal)) {
      throw new IllegalArgumentException("signal must be a finite number >= 0 (got " + signal + ")");
    }
    finite("clickBias", clickBias);
    finite("saveBias", saveBias);
    finite("subscribeBias", subscribeBias);
    positive("freshDays", freshDays);
    unit("tailPercentile", tailPercentile);
  }

  /**
   * 2,000 users with 30 impressions each, 8 latent dimensions, feature noise 0.3, genre focus 0.7, task
   * correlation 0.8, signal 1, intercepts -4 / -3.5 / -4, fresh within 30 days, tail below the median
   * creator, seed 7. On a small catalog this gives about 11% clicks, 15% of them saved and a quarter of
   * those subscribed: conversions as sparse as the ESMM paper's setting.
   */
  public static SyntheticImpressionsConfig defaults() {
    return new SyntheticImpressionsConfig(2000, 30, 8, 0.3, 0.7, 0.8, 1.0, -4, -3.5, -4, 30, 0.5, 7);
  }

  public SyntheticImpressionsConfig withUsers(int newUsers) {
    return new SyntheticImpressionsConfig(newUsers, impressionsPerUser, latentDim, featureNoise, genreFocus,
        taskCorrelation, signal, clickBias, saveBias, subscribeBias, freshDays, tailPercentile, seed);
  }

  public SyntheticImpressionsConfig withImpressionsPerUser(int n) {
    return new SyntheticImpressionsConfig(users, n, latentDim, featureNoise, genreFocus, taskCorrelation, signal,
        clickBias, saveBias, subscribeBias, freshDays, tailPercentile, seed);
  }

  public SyntheticImpressionsConfig withTaskCorrelation(double rho) {
    return new SyntheticImpressionsConfig(users, impressionsPerUser, latentDim, featureNoise, genreFocus, rho, signal,
        clickBias, saveBias, subscribeBias, freshDays, tailPercentile, seed);
  }

  public SyntheticImpressionsConfig withBiases(double click, double save, double subscribe) {
    return new SyntheticImpressionsConfig(users, impressionsPerUser, latentDim, featureNoise, genreFocus,
        taskCorrelation, signal, click, save, subscribe, freshDays, tailPercentile, seed);
  }

  public SyntheticImpressionsConfig withSignal(double newSignal) {
    return new SyntheticImpressionsConfig(users, impressionsPerUser, latentDim, featureNoise, genreFocus,
        taskCorrelation, newSignal, clickBias, saveBias, subscribeBias, freshDays, tailPercentile, seed);
  }

  public SyntheticImpressionsConfig withSeed(long newSeed) {
    return new SyntheticImpressionsConfig(users, impressionsPerUser, latentDim, featureNoise, genreFocus,
        taskCorrelation, signal, clickBias, saveBias, subscribeBias, freshDays, tailPercentile, newSeed);
  }
}
