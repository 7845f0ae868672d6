package dev.polyphony.eval;

import java.util.BitSet;

/**
 * A recommender fitted to a {@link PlaylistCatalog}: it scores every track for a playlist, and
 * recommends the best-scored tracks the playlist does not already hold in training. Immutable after
 * fitting, so {@link #score} may be called from many threads at once.
 */
public interface FittedRecommender {

  /** The catalog the model was fitted to. */
  PlaylistCatalog catalog();

  /**
   * Writes a score for every track of the catalog into {@code scores} (length: the track count); higher
   * is better, {@code -Infinity} means "rank last", NaN is not allowed. Scores of the playlist's own
   * training tracks are written too and ignored by {@link #recommend}.
   */
  void score(int playlist, float[] scores);

  /** The {@code k} best tracks for {@code playlist}, best first, excluding its training tracks. */
  default int[] recommend(int playlist, int k) {
    return recommend(playlist, k, null);
  }

  /**
   * The {@code k} best tracks of {@code candidates} ({@code null}: every track) for {@code playlist},
   * best first, excluding its training tracks; ties go to the lower track id.
   */
  default int[] recommend(int playlist, int k, BitSet candidates) {
    float[] scores = new float[catalog().trackCount()];
    score(playlist, scores);
    return new TopKSelector(k).select(scores, candidates, catalog().playlistTracks().neighbors(playlist));
  }
}
