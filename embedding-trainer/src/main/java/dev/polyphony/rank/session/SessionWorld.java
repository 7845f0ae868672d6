package dev.polyphony.rank.session;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The users and tracks sessions are simulated over, with the true probability of every click and save.
 *
 * <p>Latent factors as in {@link dev.polyphony.rank.data.SyntheticImpressions}: per genre a centroid
 * {@code mu_g ~ N(0, I_k)}; track {@code v = 0.7 mu_genre + 0.7 e}, user {@code u = 0.7 mu_pref + 0.7 e}. A
 * track is fresh with probability {@code freshShare} and by a tail creator with probability {@code tailShare};
 * its standardised popularity is {@code z ~ N(0, 1)}, lowered by 1 for tail creators. With
 * {@code a = u'v / sqrt(k)}:
 * <pre>
 *   logit p(click)         = clickBias + signal a + 0.3 z
 *   logit p(save | click)  = saveBias  + signal a - 0.3 z + 0.8 fresh
 * </pre>
 * Genres are dealt round-robin (track {@code i} has genre {@code i mod genres}, user {@code u} prefers genre
 * {@code u mod genres}), so every genre has tracks. Deterministic under the config's seed.
 */
public final class SessionWorld {
  private static final double CENTROID_SHARE = 0.7;
  private static final double OWN_SHARE = 0.7;
  private static final double CLICK_POPULARITY = 0.3;
  private static final double SAVE_POPULARITY = -0.3;
  private static final double SAVE_FRESH = 0.8;
  private static final double TAIL_POPULARITY = -1;
  private static final int ATTEMPTS_PER_CANDIDATE = 50;

  private final SessionWorldConfig config;
  private final int k;
  private final double[] trackFactors;
  private final double[] userFactors;
  private final int[] genre;
  private final boolean[] fresh;
  private final boolean[] tail;
  private final double[] popularity;
  private final int[][] tracksOfGenre;

  private SessionWorld(SessionWorldConfig config) {
    this.config = config;
    this.k = config.latentDim();
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom centroidRandom = root.split();
    SplittableRandom trackRandom = root.split();
    SplittableRandom userRandom = root.split();
    double[][] centroid = new double[config.genres()][k];
    for (double[] c : centroid) {
      for (int d = 0; d < k; d++) {
        c[d] = centroidRandom.nextGaussian();
      }
    }
    int n = config.items();
    trackFactors = new double[n * k];
    genre = new int[n];
    fresh = new boolean[n];
    tail = new boolean[n];
    popularity = new double[n];
    int[] perGenre = new int[config.genres()];
    for (int i = 0; i < n; i++) {
      genre[i] = i % config.genres();
      perGenre[genre[i]]++;
      factor(centroid[genre[i]], trackRandom, trackFactors, i);
      fresh[i] = trackRandom.nextDouble() < config.freshShare();
      tail[i] = trackRandom.nextDouble() < config.tailShare();
      popularity[i] = trackRandom.nextGaussian() + (tail[i] ? TAIL_POPULARITY : 0);
    }
    tracksOfGenre = new int[config.genres()][];
    for (int g = 0; g < config.genres(); g++) {
      tracksOfGenre[g] = new int[perGenre[g]];
    }
    int[] fill = new int[config.genres()];
    for (int i = 0; i < n; i++) {
      tracksOfGenre[genre[i]][fill[genre[i]]++] = i;
    }
    userFactors = new double[config.users() * k];
    for (int u = 0; u < config.users(); u++) {
      factor(centroid[preferredGenre(u)], userRandom, userFactors, u);
    }
  }

  /** The world of {@code config}. */
  public static SessionWorld generate(SessionWorldConfig config) {
    return new SessionWorld(Objects.requireNonNull(config, "config"));
  }

  public SessionWorldConfig config() {
    return config;
  }

  public int items() {
    return config.items();
  }

  public int users() {
    return config.users();
  }

  public int genre(int track) {
    return genre[track];
  }

  public boolean fresh(int track) {
    return fresh[track];
  }

  public boolean tail(int track) {
    return tail[track];
  }

  public int preferredGenre(int user) {
    return user % config.genres();
  }

  /** The true probability that {@code user} clicks {@code track} when shown. */
  public double clickProbability(int user, int track) {
    return sigmoid(config.clickBias() + config.signal() * affinity(user, track) + CLICK_POPULARITY * popularity[track]);
  }

  /** The true probability that {@code user} saves {@code track} given a click. */
  public double saveProbability(int user, int track) {
    return sigmoid(config.saveBias() + config.signal() * affinity(user, track) + SAVE_POPULARITY * popularity[track]
        + (fresh[track] ? SAVE_FRESH : 0));
  }

  /**
   * {@code candidates} distinct tracks for a request of {@code user}, none of them {@code excluded}: each from the
   * preferred genre with probability {@code genreFocus}, else from the whole catalog, uniformly. Fewer when the
   * attempts run out (a nearly exhausted catalog).
   */
  public int[] candidates(int user, boolean[] excluded, SplittableRandom random) {
    int want = config.candidates();
    int[] out = new int[want];
    boolean[] taken = new boolean[config.items()];
    int[] own = tracksOfGenre[preferredGenre(user)];
    int found = 0;
    for (int attempt = 0; found < want && attempt < ATTEMPTS_PER_CANDIDATE * want; attempt++) {
      int t = random.nextDouble() < config.genreFocus() ? own[random.nextInt(own.length)]
          : random.nextInt(config.items());
      if (excluded[t] || taken[t]) {
        continue;
      }
      taken[t] = true;
      out[found++] = t;
    }
    return found == want ? out : java.util.Arrays.copyOf(out, found);
  }

  private double affinity(int user, int track) {
    double sum = 0;
    for (int d = 0; d < k; d++) {
      sum += userFactors[user * k + d] * trackFactors[track * k + d];
    }
    return sum / Math.sqrt(k);
  }

  private void factor(double[] centroid, SplittableRandom random, double[] out, int i) {
    for (int d = 0; d < k; d++) {
      out[i * k + d] = CENTROID_SHARE * centroid[d] + OWN_SHARE * random.nextGaussian();
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
