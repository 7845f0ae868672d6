package dev.polyphony.eval;

/**
 * Parameters of {@link ItemCooccurrenceKnnRecommender}.
 *
 * @param neighbours most similar tracks kept per track (the k of item kNN), at least 1
 * @param maxPlaylistLength training playlists with more tracks are not counted as co-occurrence
 *     evidence: a very long playlist relates every pair of its tracks weakly and costs the square of
 *     its length; at least 2
 * @param threads threads that build the neighbour lists (the result does not depend on it)
 */
public record ItemCooccurrenceKnnConfig(int neighbours, int maxPlaylistLength, int threads) {

  public ItemCooccurrenceKnnConfig {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be >= 1 (got " + neighbours + ")");
    }
    if (maxPlaylistLength < 2) {
      throw new IllegalArgumentException("maxPlaylistLength must be >= 2 (got " + maxPlaylistLength + ")");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
  }

  /**
   * 50 neighbours (the best warm Recall@50 among 10, 20, 30, 50, 100, 200 and 1,000 on the Spotify songs
   * continuation split with seed 1), playlists up to 1,000 tracks, one thread per processor.
   */
  public static ItemCooccurrenceKnnConfig defaults() {
    return new ItemCooccurrenceKnnConfig(50, 1_000, Runtime.getRuntime().availableProcessors());
  }
}
