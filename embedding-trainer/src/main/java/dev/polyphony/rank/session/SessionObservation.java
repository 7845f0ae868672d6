package dev.polyphony.rank.session;

import java.util.List;

/**
 * What a fusion policy sees of the session before a request: the state of Zhang et al. (KDD 2022), user and
 * session features. The user's satisfaction is hidden; the features summarise what was shown so far.
 *
 * <p>Features, in order: {@code bias} (1), {@code first} (1 at the first request), {@code step} (requests
 * served over the session's maximum), {@code fit_avg}, {@code diversity_avg} and {@code fresh_avg}
 * (exponential averages with factor {@value #AVERAGE} of the shown slates' fit, genre diversity and fresh
 * share, 0 before the first), {@code last_click_rate} (clicks per track of the last slate),
 * {@code best_click} (the highest predicted click probability among the candidates) and
 * {@code top_concentration} (the share of the most common genre among the slate-size candidates most likely
 * to be clicked: how narrow the user's myopic optimum is).
 */
public final class SessionObservation {
  /** Weight of the past in the exponential averages. */
  public static final double AVERAGE = 0.5;
  public static final List<String> FEATURES = List.of("bias", "first", "step", "fit_avg", "diversity_avg",
      "fresh_avg", "last_click_rate", "best_click", "top_concentration");

  private final int maxSteps;
  private int steps;
  private double fit;
  private double diversity;
  private double fresh;
  private double lastClickRate;

  public SessionObservation(int maxSteps) {
    if (maxSteps <= 0) {
      throw new IllegalArgumentException("maxSteps must be > 0 (got " + maxSteps + ")");
    }
    this.maxSteps = maxSteps;
  }

  /** Records a served slate. */
  public void served(SatisfactionModel.SlateQuality slate, int clicks, int shown) {
    double past = steps == 0 ? 0 : AVERAGE;
    fit = past * fit + (1 - past) * slate.fit();
    diversity = past * diversity + (1 - past) * slate.diversity();
    fresh = past * fresh + (1 - past) * slate.fresh();
    lastClickRate = shown == 0 ? 0 : clicks / (double) shown;
    steps++;
  }

  /**
   * The features before the next request, whose candidates have these predicted click probabilities and genres.
   *
   * @param top how many of the best candidates {@code top_concentration} looks at
   */
  public float[] features(double[] candidateClicks, int[] candidateGenres, int top) {
    int n = candidateClicks.length;
    double best = 0;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      best = Math.max(best, candidateClicks[i]);
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(candidateClicks[b], candidateClicks[a]));
    int m = Math.min(top, n);
    int mode = 0;
    for (int i = 0; i < m; i++) {
      int same = 0;
      for (int j = 0; j < m; j++) {
        same += candidateGenres[order[j]] == candidateGenres[order[i]] ? 1 : 0;
      }
      mode = Math.max(mode, same);
    }
    return new float[] {1, steps == 0 ? 1 : 0, steps / (float) maxSteps, (float) fit, (float) diversity,
        (float) fresh, (float) lastClickRate, (float) best, m == 0 ? 0 : mode / (float) m};
  }
}
