package dev.polyphony.retrieval.candidates;

import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * A {@link CandidateRequest} turned into vectors and rows by {@link RetrievalCatalog#resolve}: the seed
 * track's vector, the playlist's mean vector, the combined query, and the rows no generator may return.
 */
public final class ResolvedRequest {
  private final CandidateRequest request;
  private final float[] seedVector;
  private final float[] playlistVector;
  private final int playlistTracks;
  private final float[] query;
  private final BitSet excluded;

  ResolvedRequest(CandidateRequest request, float[] seedVector, float[] playlistVector, int playlistTracks,
      float[] query, BitSet excluded) {
    this.request = request;
    this.seedVector = seedVector;
    this.playlistVector = playlistVector;
    this.playlistTracks = playlistTracks;
    this.query = query;
    this.excluded = excluded;
  }

  public CandidateRequest request() {
    return request;
  }

  /** The seed track's vector, unit length; throws naming {@code generator} when the request has no seed. */
  public float[] seedVector(String generator) {
    if (seedVector == null) {
      throw new IllegalArgumentException(generator + " needs a seed track (the request names playlist '"
          + request.playlist() + "' only)");
    }
    return seedVector.clone();
  }

  /**
   * The playlist's mean vector, unit length; throws naming {@code generator} when the request has no
   * playlist.
   */
  public float[] playlistVector(String generator) {
    if (playlistVector == null) {
      throw new IllegalArgumentException(generator + " needs a playlist (the request names seed track '"
          + request.seedTrack() + "' only)");
    }
    return playlistVector.clone();
  }

  /** Number of the playlist's tracks that have a vector (those its mean is taken over); 0 without a playlist. */
  public int playlistTracks() {
    return playlistTracks;
  }

  /**
   * The query relevance is measured against, unit length: the seed track's vector, the playlist's
   * mean, or with both the normalised sum of the two, which weighs them equally.
   */
  public float[] query() {
    return query.clone();
  }

  /** What the query stands for, for reasons: {@code "seed track t7"}, {@code "playlist p3"} or both. */
  public String target() {
    if (request.hasSeedTrack() && request.hasPlaylist()) {
      return "seed track " + request.seedTrack() + " and playlist " + request.playlist();
    }
    return request.hasSeedTrack() ? "seed track " + request.seedTrack() : "playlist " + request.playlist();
  }

  /** Whether {@code row} is the seed, in the playlist or excluded by id. */
  public boolean excludes(int row) {
    return excluded.get(row);
  }

  /** Accepts the rows that are not excluded and that {@code eligible} accepts. */
  public IntPredicate allowed(IntPredicate eligible) {
    return row -> !excluded.get(row) && eligible.test(row);
  }
}
