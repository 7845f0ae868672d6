package dev.polyphony.rank.data;

/**
 * Parameters of {@link PlaylistImpressions}.
 *
 * @param holdOutFraction share of each playlist's tracks held out as its continuation, in (0, 1)
 * @param minTracks playlists with fewer tracks get no impressions, {@code >= 2}
 * @param candidatesPerPlaylist tracks the retrieval stage proposes per playlist, {@code > 0}
 * @param explorationPerPlaylist extra tracks drawn by popularity per playlist, {@code >= 0}
 * @param tailPercentile a track is a tail creator's when every creator's summed track popularity is below this
 *     quantile of the creators', in [0, 1]
 * @param freshDays a track is fresh when released at most this many days before the catalog's latest release,
 *     {@code >= 0}
 * @param seed seed of the hold-out and the exploration draws
 */
public record PlaylistImpressionsConfig(double holdOutFraction, int minTracks, int candidatesPerPlaylist,
    int explorationPerPlaylist, double tailPercentile, int freshDays, long seed) {

  public PlaylistImpressionsConfig {
    if (!(holdOutFraction > 0 && holdOutFraction < 1)) {
      throw new IllegalArgumentException("holdOutFraction must be in (0, 1) (got " + holdOutFraction + ")");
    }
    if (minTracks < 2) {
      throw new IllegalArgumentException("minTracks must be >= 2 (got " + minTracks + ")");
    }
    if (candidatesPerPlaylist <= 0) {
      throw new IllegalArgumentException("candidatesPerPlaylist must be > 0 (got " + candidatesPerPlaylist + ")");
    }
    if (explorationPerPlaylist < 0) {
      throw new IllegalArgumentException("explorationPerPlaylist must be >= 0 (got " + explorationPerPlaylist + ")");
    }
    if (!(tailPercentile >= 0 && tailPercentile <= 1)) {
      throw new IllegalArgumentException("tailPercentile must be in [0, 1] (got " + tailPercentile + ")");
    }
    if (freshDays < 0) {
      throw new IllegalArgumentException("freshDays must be >= 0 (got " + freshDays + ")");
    }
  }

  /**
   * 20% held out of playlists with at least 5 tracks, 30 retrieved and 10 exploration tracks per playlist, tail
   * creators below the 20th percentile, fresh within 365 days, seed 11.
   */
  public static PlaylistImpressionsConfig defaults() {
    return new PlaylistImpressionsConfig(0.2, 5, 30, 10, 0.2, 365, 11);
  }
}
