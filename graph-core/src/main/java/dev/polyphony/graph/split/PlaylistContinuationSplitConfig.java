package dev.polyphony.graph.split;

/**
 * Parameters of {@link PlaylistContinuationSplit}.
 *
 * @param relation the playlist-to-track relation, e.g. {@code contains}
 * @param minTracks playlists with at least this many tracks take part; at least 2, so that one track
 *     can be held out and one kept
 * @param holdOutFraction share of each eligible playlist's tracks held out, in (0, 1)
 * @param seed run seed; each playlist draws from a seed derived from it and the playlist id
 */
public record PlaylistContinuationSplitConfig(String relation, int minTracks, double holdOutFraction,
    long seed) {

  public PlaylistContinuationSplitConfig {
    ConfigChecks.name("relation", relation);
    if (minTracks < 2) {
      throw new IllegalArgumentException("minTracks must be >= 2 (got " + minTracks + ")");
    }
    ConfigChecks.openFraction("holdOutFraction", holdOutFraction);
  }
}
