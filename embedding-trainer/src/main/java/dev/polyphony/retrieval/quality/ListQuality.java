package dev.polyphony.retrieval.quality;

/**
 * What a family of candidate lists (one per query) delivers.
 *
 * @param lists number of lists
 * @param meanLength mean number of tracks per list
 * @param recall mean Recall@K over the lists: {@code |list ∩ R| / |R|} with {@code R} the query's held-out
 *     tracks and K the list length asked for
 * @param tailShare mean over non-empty lists of the share of their tracks by tail creators; null when the
 *     catalog cannot tell (no creator popularity)
 * @param freshShare mean over non-empty lists of the share of their fresh tracks; null when the catalog
 *     cannot tell (no release dates)
 * @param distinctTracks tracks that appear in at least one list
 * @param coverage {@code distinctTracks} over the candidate tracks any list may hold
 */
public record ListQuality(int lists, double meanLength, double recall, Double tailShare, Double freshShare,
    int distinctTracks, double coverage) {}
