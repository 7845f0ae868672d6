package dev.polyphony.eval;

import dev.polyphony.graph.ProgressTracker;
import java.util.Map;

/**
 * The most-popular baseline: every playlist gets the tracks that are in the most training playlists.
 * A track without training playlists (a cold track) scores 0, so among cold tracks the order falls to
 * the track id: this baseline carries no information about them.
 */
public final class PopularityRecommender implements PlaylistRecommender {

  @Override
  public String name() {
    return "popularity";
  }

  @Override
  public Object parameters() {
    return Map.of();
  }

  @Override
  public FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress) {
    float[] popularity = catalog.trainingPopularity();
    return new FittedRecommender() {
      @Override
      public PlaylistCatalog catalog() {
        return catalog;
      }

      @Override
      public void score(int playlist, float[] scores) {
        System.arraycopy(popularity, 0, scores, 0, popularity.length);
      }
    };
  }
}
