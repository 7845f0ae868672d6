package dev.polyphony.eval;

import dev.polyphony.graph.CsrAdjacency;
import java.util.Arrays;

/**
 * Scores every track by a kernel sum over the playlist's training tracks,
 * {@code score(t) = sum_{s in playlist} exp((cos(z_s, z_t) - 1) / tau)}: each seed track votes for the
 * tracks near it, and a track close to a few seeds outranks one moderately close to their centroid. Unlike
 * the centroid rule ({@link CentroidCosineScorer}) this keeps a playlist's several tastes apart (the
 * multi-interest argument of PinnerSage: Pal et al., KDD 2020); as {@code tau} grows it approaches the
 * centroid rule, as it shrinks the nearest seed decides.
 *
 * @param catalog the catalog whose playlist-track edges give the seeds
 * @param unit row-major unit vectors, one row of {@code d} per track
 * @param d vector width
 * @param tau kernel temperature ({@code > 0})
 */
public record KernelSumScorer(PlaylistCatalog catalog, float[] unit, int d, double tau) implements FittedRecommender {

  public KernelSumScorer {
    if (d <= 0 || unit.length != (long) catalog.trackCount() * d) {
      throw new IllegalArgumentException("expected " + catalog.trackCount() + " rows of " + d + " values (got "
          + unit.length + " values)");
    }
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("tau must be > 0 (got " + tau + ")");
    }
  }

  @Override
  public void score(int playlist, float[] scores) {
    Arrays.fill(scores, 0f);
    CsrAdjacency tracks = catalog.playlistTracks();
    float inverseTau = (float) (1 / tau);
    for (int p = tracks.start(playlist), end = tracks.end(playlist); p < end; p++) {
      int seed = tracks.target(p) * d;
      for (int j = 0, n = scores.length; j < n; j++) {
        int base = j * d;
        float dot = 0;
        for (int c = 0; c < d; c++) {
          dot += unit[base + c] * unit[seed + c];
        }
        scores[j] += (float) Math.exp((dot - 1) * inverseTau);
      }
    }
  }
}
