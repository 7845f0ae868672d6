package dev.polyphony.eval;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.retrieval.VectorMath;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Scores every track by a kernel sum over the playlist's training tracks,
 * {@code score(t) = w(t) sum_{s in playlist} k(s, t)} with {@code k(s, t) = exp((cos(z_s, z_t) - 1) / tau)}:
 * each seed track votes for the tracks near it, and a track close to a few seeds outranks one moderately close
 * to their centroid. Unlike the centroid rule ({@link CentroidCosineScorer}) this keeps a playlist's several
 * tastes apart (the multi-interest argument of PinnerSage: Pal et al., KDD 2020); as {@code tau} grows it
 * approaches the centroid rule, as it shrinks the nearest seed decides.
 *
 * <p>The track weights {@code w} are 1 for the plain kernel sum. {@link #densityCorrected} sets them to
 * {@code m(t)^-beta}, with {@code m(t) = sum_{j != t} k(j, t)} the catalog's own kernel mass around {@code t}:
 * tracks in crowded regions of the embedding space ("hubs", which come up near every playlist: Radovanovic,
 * Nanopoulos and Ivanovic, JMLR 2010) are scored relative to how near they are to everything. At
 * {@code beta = 1} the score is the ratio of the playlist's kernel density to the catalog's; at 1/2 it mirrors
 * the {@code sqrt(n(i) n(j))} normalisation of item co-occurrence cosine.
 *
 * @param catalog the catalog whose playlist-track edges give the seeds
 * @param unit row-major unit vectors, one row of {@code d} per track
 * @param d vector width
 * @param tau kernel temperature ({@code > 0})
 * @param trackWeights one positive finite factor per track applied to its kernel sum
 */
public record KernelSumScorer(PlaylistCatalog catalog, float[] unit, int d, double tau, float[] trackWeights)
    implements FittedRecommender {

  public KernelSumScorer {
    if (d <= 0 || unit.length != (long) catalog.trackCount() * d) {
      throw new IllegalArgumentException("expected " + catalog.trackCount() + " rows of " + d + " values (got "
          + unit.length + " values)");
    }
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("tau must be > 0 (got " + tau + ")");
    }
    if (trackWeights.length != catalog.trackCount()) {
      throw new IllegalArgumentException("expected " + catalog.trackCount() + " track weights (got "
          + trackWeights.length + ")");
    }
    for (int t = 0; t < trackWeights.length; t++) {
      if (!(trackWeights[t] > 0) || Float.isInfinite(trackWeights[t])) {
        throw new IllegalArgumentException("track " + t + " has weight " + trackWeights[t]
            + "; weights must be positive and finite");
      }
    }
  }

  /** The plain kernel sum: every track weighs 1. */
  public KernelSumScorer(PlaylistCatalog catalog, float[] unit, int d, double tau) {
    this(catalog, unit, d, tau, ones(catalog.trackCount()));
  }

  /**
   * The kernel sum divided by each track's catalog kernel mass to the power {@code beta} (in [0, 1]; 0 is the
   * plain kernel sum; above 1 the score would grow as a track gets more isolated). Computing the masses costs
   * one kernel evaluation per pair of tracks, on the common fork-join pool; each mass is summed in a fixed
   * order, so the result does not depend on the threads.
   */
  public static KernelSumScorer densityCorrected(PlaylistCatalog catalog, float[] unit, int d, double tau,
      double beta) {
    if (!(beta >= 0 && beta <= 1)) {
      throw new IllegalArgumentException("beta must be in [0, 1] (got " + beta + ")");
    }
    if (beta == 0) {
      return new KernelSumScorer(catalog, unit, d, tau);
    }
    int n = catalog.trackCount();
    double inverseTau = 1 / tau;
    float[] weights = new float[n];
    IntStream.range(0, n).parallel().forEach(t -> {
      double mass = 0;
      for (int j = 0; j < n; j++) {
        if (j != t) {
          mass += kernel(unit, t * d, j * d, d, inverseTau);
        }
      }
      // a track alone in the catalog has no mass to divide by; the smallest normal float stands in for it
      weights[t] = (float) Math.pow(Math.max(mass, Float.MIN_NORMAL), -beta);
    });
    return new KernelSumScorer(catalog, unit, d, tau, weights);
  }

  @Override
  public void score(int playlist, float[] scores) {
    Arrays.fill(scores, 0f);
    CsrAdjacency tracks = catalog.playlistTracks();
    double inverseTau = 1 / tau;
    for (int p = tracks.start(playlist), end = tracks.end(playlist); p < end; p++) {
      int seed = tracks.target(p) * d;
      for (int j = 0, n = scores.length; j < n; j++) {
        scores[j] += (float) kernel(unit, seed, j * d, d, inverseTau);
      }
    }
    for (int j = 0; j < scores.length; j++) {
      scores[j] *= trackWeights[j];
    }
  }

  private static double kernel(float[] unit, int a, int b, int d, double inverseTau) {
    return Math.exp((VectorMath.dot(unit, a, unit, b, d) - 1) * inverseTau);
  }

  private static float[] ones(int n) {
    float[] ones = new float[n];
    Arrays.fill(ones, 1f);
    return ones;
  }
}
