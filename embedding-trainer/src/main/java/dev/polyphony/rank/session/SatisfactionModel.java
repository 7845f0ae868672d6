package dev.polyphony.rank.session;

import java.util.Objects;

/**
 * How a simulated user's satisfaction responds to a recommended slate, and whether the session goes on.
 *
 * <p>A slate's quality is {@code q = fitWeight fit + diversityWeight diversity + freshWeight fresh}, where
 * {@code fit} is the mean click probability of its tracks, {@code diversity = (distinct genres - 1) /
 * (slate size - 1)} (0 for a slate of one) and {@code fresh} its share of fresh tracks. Satisfaction follows
 * {@code s' = memory s + (1 - memory) q} from {@code s_0 = initial}, and after each slate the user continues
 * with probability {@code sigmoid(continueBias + continueSlope s')}. Clicks depend on fit alone, so a ranking
 * that maximises the next click (one genre, no fresh tracks) earns more now and ends sessions sooner: the
 * long-term return differs from the sum of immediate clicks, the setting of Zhang et al., "Multi-Task Fusion
 * via Reinforcement Learning for Long-Term User Satisfaction in Recommender Systems", KDD 2022.
 */
public final class SatisfactionModel {
  private final SatisfactionConfig config;

  public SatisfactionModel(SatisfactionConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public SatisfactionConfig config() {
    return config;
  }

  /**
   * What the user perceives of a slate.
   *
   * @param fit mean click probability of the slate's tracks
   * @param diversity {@code (distinct genres - 1) / (size - 1)}
   * @param fresh share of fresh tracks
   */
  public record SlateQuality(double fit, double diversity, double fresh) {
    public SlateQuality {
      for (double v : new double[] {fit, diversity, fresh}) {
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("slate qualities must be in [0, 1] (got fit " + fit + ", diversity "
              + diversity + ", fresh " + fresh + ")");
        }
      }
    }

    /**
     * The quality of a slate of tracks with these click probabilities, genres and fresh flags.
     *
     * @throws IllegalArgumentException for an empty slate or arrays of unequal length
     */
    public static SlateQuality of(double[] clickProbabilities, int[] genres, boolean[] fresh) {
      int n = clickProbabilities.length;
      if (n == 0 || genres.length != n || fresh.length != n) {
        throw new IllegalArgumentException("a slate needs one click probability, genre and fresh flag per track (got "
            + n + ", " + genres.length + " and " + fresh.length + ")");
      }
      double fit = 0;
      int freshCount = 0;
      int distinct = 0;
      for (int i = 0; i < n; i++) {
        fit += clickProbabilities[i];
        freshCount += fresh[i] ? 1 : 0;
        boolean seen = false;
        for (int j = 0; j < i && !seen; j++) {
          seen = genres[j] == genres[i];
        }
        distinct += seen ? 0 : 1;
      }
      return new SlateQuality(fit / n, n == 1 ? 0 : (distinct - 1) / (double) (n - 1), freshCount / (double) n);
    }
  }

  /** {@code fitWeight fit + diversityWeight diversity + freshWeight fresh}. */
  public double quality(SlateQuality slate) {
    return config.fitWeight() * slate.fit() + config.diversityWeight() * slate.diversity()
        + config.freshWeight() * slate.fresh();
  }

  /** The satisfaction after {@code slate}, from {@code satisfaction} before it. */
  public double next(double satisfaction, SlateQuality slate) {
    return config.memory() * satisfaction + (1 - config.memory()) * quality(slate);
  }

  /** The probability of another request at satisfaction {@code satisfaction}. */
  public double continuation(double satisfaction) {
    return 1 / (1 + Math.exp(-(config.continueBias() + config.continueSlope() * satisfaction)));
  }

  /** Clicks plus {@code saveReward} per save. */
  public double reward(int clicks, int saves) {
    return clicks + config.saveReward() * saves;
  }
}
