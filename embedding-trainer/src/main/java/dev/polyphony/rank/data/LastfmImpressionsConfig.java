package dev.polyphony.rank.data;

/**
 * Parameters of {@link LastfmImpressions}.
 *
 * @param holdOutFraction share of each user's listened artists held out as future listens, in (0, 1)
 * @param minArtists users with fewer listened artists get no impressions, {@code >= 2}
 * @param candidatesPerUser artists the retrieval stage proposes per user, {@code > 0}
 * @param explorationPerUser extra artists drawn by popularity per user, {@code >= 0}
 * @param factors dimensions of the stand-in user and artist embeddings, {@code > 0}
 * @param tailPercentile artists whose training listener count is below this quantile of the artists with
 *     training listeners are tail creators, in [0, 1]
 * @param seed seed of the hold-out, the embedding and the exploration draws
 */
public record LastfmImpressionsConfig(double holdOutFraction, int minArtists, int candidatesPerUser,
    int explorationPerUser, int factors, double tailPercentile, long seed) {

  public LastfmImpressionsConfig {
    if (!(holdOutFraction > 0 && holdOutFraction < 1)) {
      throw new IllegalArgumentException("holdOutFraction must be in (0, 1) (got " + holdOutFraction + ")");
    }
    if (minArtists < 2) {
      throw new IllegalArgumentException("minArtists must be >= 2 (got " + minArtists + ")");
    }
    if (candidatesPerUser <= 0) {
      throw new IllegalArgumentException("candidatesPerUser must be > 0 (got " + candidatesPerUser + ")");
    }
    if (explorationPerUser < 0) {
      throw new IllegalArgumentException("explorationPerUser must be >= 0 (got " + explorationPerUser + ")");
    }
    if (factors <= 0) {
      throw new IllegalArgumentException("factors must be > 0 (got " + factors + ")");
    }
    if (!(tailPercentile >= 0 && tailPercentile <= 1)) {
      throw new IllegalArgumentException("tailPercentile must be in [0, 1] (got " + tailPercentile + ")");
    }
  }

  /**
   * 20% held out of users with at least 5 artists, 30 retrieved and 10 exploration artists per user, 32
   * factors, tail below the 80th percentile of listeners, seed 11.
   */
  public static LastfmImpressionsConfig defaults() {
    return new LastfmImpressionsConfig(0.2, 5, 30, 10, 32, 0.8, 11);
  }

  public LastfmImpressionsConfig withCandidates(int candidates, int exploration) {
    return new LastfmImpressionsConfig(holdOutFraction, minArtists, candidates, exploration, factors, tailPercentile,
        seed);
  }

  public LastfmImpressionsConfig withFactors(int newFactors) {
    return new LastfmImpressionsConfig(holdOutFraction, minArtists, candidatesPerUser, explorationPerUser, newFactors,
        tailPercentile, seed);
  }

  public LastfmImpressionsConfig withSeed(long newSeed) {
    return new LastfmImpressionsConfig(holdOutFraction, minArtists, candidatesPerUser, explorationPerUser, factors,
        tailPercentile, newSeed);
  }
}
