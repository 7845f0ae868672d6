package dev.polyphony.eval;

import dev.polyphony.graph.ProgressTracker;

/**
 * A playlist-continuation recommender: its parameters, and {@link #fit} to learn a
 * {@link FittedRecommender} from a {@link PlaylistCatalog}. Fitting reads the training graph's
 * playlist-track edges and nothing held out; it is deterministic for given parameters (seeded where
 * random). A recommender may be fitted several times (e.g. once per split); fits are independent.
 */
public interface PlaylistRecommender {

  /** A short name for reports, e.g. {@code popularity}. */
  String name();

  /**
   * The settings that determine the fitted model, written to reports as JSON: a record or a map
   * ({@code Map.of()} when there are none).
   */
  Object parameters();

  FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress);

  default FittedRecommender fit(PlaylistCatalog catalog) {
    return fit(catalog, ProgressTracker.NONE);
  }
}
