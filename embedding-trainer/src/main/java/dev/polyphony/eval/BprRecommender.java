package dev.polyphony.eval;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.SeedDerivation;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Matrix factorisation trained with Bayesian Personalized Ranking (Rendle, Freudenthaler, Gantner and
 * Schmidt-Thieme, "BPR: Bayesian Personalized Ranking from Implicit Feedback", UAI 2009), playlists as
 * users and tracks as items.
 *
 * <p>Model: {@code x_ui = w_u . h_i + b_i} (the paper's MF model plus an item bias {@code b_i}, which
 * carries popularity). LearnBPR: each step draws a training edge {@code (u, i)} uniformly (bootstrap
 * sampling) and a negative track {@code j} uniformly among the tracks that have a training playlist and
 * are not in {@code u}, then ascends {@code ln sigmoid(x_ui - x_uj)} by SGD with L2 weight
 * {@code lambda} ({@code regularization}) on {@code w_u, h_i, h_j, b_i, b_j}. Factors start from
 * {@code N(0, 0.1^2)}, biases from 0.
 *
 * <p>Only tracks with a training playlist get factors; every other track (a cold track) scores
 * {@code -Infinity}, below every known track, so BPR cannot rank cold tracks (they fall to id order).
 * SGD runs on one thread, so a seed fixes the model exactly; epoch {@code e} draws from a stream derived
 * from the seed and {@code e}.
 */
public final class BprRecommender implements PlaylistRecommender {
  private static final double INITIAL_STD = 0.1;
  private static final int NEGATIVE_TRIES = 100;

  private final BprConfig config;

  public BprRecommender(BprConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "BPR-MF";
  }

  @Override
  public BprConfig parameters() {
    return config;
  }

  @Override
  public FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress) {
    CsrAdjacency out = catalog.playlistTracks();
    CsrAdjacency in = catalog.trackPlaylists();
    int f = config.factors();
    int playlists = catalog.playlistCount();
    int tracks = catalog.trackCount();
    IntArrayList known = new IntArrayList();
    for (int t = 0; t < tracks; t++) {
      if (in.degree(t) > 0) {
        known.add(t);
      }
    }
    int[] knownTracks = known.toIntArray();
    int[] edgeSource = new int[out.edgeCount()];
    for (int u = 0; u < playlists; u++) {
      for (int e = out.start(u), end = out.end(u); e < end; e++) {
        edgeSource[e] = u;
      }
    }

    float[] w = new float[playlists * f];
    float[] h = new float[tracks * f];
    float[] bias = new float[tracks];
    SplittableRandom init = new SplittableRandom(SeedDerivation.derive(config.seed(), -1));
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (init.nextGaussian() * INITIAL_STD);
    }
    for (int t : knownTracks) {
      for (int k = 0; k < f; k++) {
        h[t * f + k] = (float) (init.nextGaussian() * INITIAL_STD);
      }
    }

    float lr = (float) config.learningRate();
    float reg = (float) config.regularization();
    progress.begin("BPR epochs", config.epochs());
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      SplittableRandom random = new SplittableRandom(SeedDerivation.derive(config.seed(), epoch));
      for (int step = 0, steps = edgeSource.length; step < steps; step++) {
        int e = random.nextInt(steps);
        int u = edgeSource[e];
        int i = out.target(e);
        int j = drawNegative(out, u, knownTracks, random);
        if (j >= 0) {
          update(w, h, bias, u * f, i, j, f, lr, reg);
        }
      }
      progress.step(1);
    }
    progress.end();
    boolean[] hasFactors = new boolean[tracks];
    for (int t : knownTracks) {
      hasFactors[t] = true;
    }
    return new Fitted(catalog, w, h, bias, hasFactors, f);
  }

  /** A known track not in playlist {@code u}, or -1 when none was found in {@link #NEGATIVE_TRIES} draws. */
  private static int drawNegative(CsrAdjacency out, int u, int[] knownTracks, SplittableRandom random) {
    if (out.degree(u) >= knownTracks.length) {
      return -1;
    }
    for (int attempt = 0; attempt < NEGATIVE_TRIES; attempt++) {
      int j = knownTracks[random.nextInt(knownTracks.length)];
      if (!out.contains(u, j)) {
        return j;
      }
    }
    return -1;
  }

  /** One SGD step on {@code ln sigmoid(x_ui - x_uj) - lambda/2 |theta|^2}. */
  private static void update(float[] w, float[] h, float[] bias, int wu, int i, int j, int f, float lr,
      float reg) {
    int hi = i * f;
    int hj = j * f;
    double x = bias[i] - bias[j];
    for (int k = 0; k < f; k++) {
      x += w[wu + k] * (h[hi + k] - h[hj + k]);
    }
    float g = (float) (1 / (1 + Math.exp(x)));
    for (int k = 0; k < f; k++) {
      float user = w[wu + k];
      float pos = h[hi + k];
      float neg = h[hj + k];
      w[wu + k] += lr * (g * (pos - neg) - reg * user);
      h[hi + k] += lr * (g * user - reg * pos);
      h[hj + k] += lr * (-g * user - reg * neg);
    }
    bias[i] += lr * (g - reg * bias[i]);
    bias[j] += lr * (-g - reg * bias[j]);
  }

  private record Fitted(PlaylistCatalog catalog, float[] w, float[] h, float[] bias, boolean[] hasFactors,
      int f) implements FittedRecommender {

    @Override
    public void score(int playlist, float[] scores) {
      int wu = playlist * f;
      for (int t = 0; t < scores.length; t++) {
        if (!hasFactors[t]) {
          scores[t] = Float.NEGATIVE_INFINITY;
          continue;
        }
        int ht = t * f;
        float dot = bias[t];
        for (int k = 0; k < f; k++) {
          dot += w[wu + k] * h[ht + k];
        }
        scores[t] = dot;
      }
    }
  }
}
