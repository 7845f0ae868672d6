package dev.polyphony.eval;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.retrieval.VectorMath;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores every track by the cosine between its unit vector and the centroid of the playlist's training
 * tracks' vectors (the usual item-to-playlist rule for content and embedding models). A playlist without
 * training tracks, or whose vectors cancel out, scores every track 0.
 *
 * @param catalog the catalog whose playlist-track edges define the centroids
 * @param unit row-major unit vectors, one row of {@code d} per track (zero rows are allowed)
 * @param d vector width
 */
public record CentroidCosineScorer(PlaylistCatalog catalog, float[] unit, int d) implements FittedRecommender {

  public CentroidCosineScorer {
    if (d <= 0 || unit.length != (long) catalog.trackCount() * d) {
      throw new IllegalArgumentException("expected " + catalog.trackCount() + " rows of " + d + " values (got "
          + unit.length + " values)");
    }
  }

  /** A scorer over the rows of {@code embeddings} ({@code trackCount x d}), scaled to unit length. */
  public static CentroidCosineScorer ofEmbeddings(PlaylistCatalog catalog, INDArray embeddings) {
    int d = (int) embeddings.columns();
    float[] unit = embeddings.dup('c').data().asFloat();
    VectorMath.normalizeRows(unit, d);
    return new CentroidCosineScorer(catalog, unit, d);
  }

  @Override
  public void score(int playlist, float[] scores) {
    double[] sum = new double[d];
    CsrAdjacency tracks = catalog.playlistTracks();
    for (int p = tracks.start(playlist), end = tracks.end(playlist); p < end; p++) {
      int base = tracks.target(p) * d;
      for (int c = 0; c < d; c++) {
        sum[c] += unit[base + c];
      }
    }
    double norm = 0;
    for (double s : sum) {
      norm += s * s;
    }
    if (norm == 0) {
      Arrays.fill(scores, 0f);
      return;
    }
    float[] direction = new float[d];
    for (int c = 0; c < d; c++) {
      direction[c] = (float) (sum[c] / Math.sqrt(norm));
    }
    for (int j = 0, n = scores.length; j < n; j++) {
      int base = j * d;
      float dot = 0;
      for (int c = 0; c < d; c++) {
        dot += unit[base + c] * direction[c];
      }
      scores[j] = dot;
    }
  }
}
