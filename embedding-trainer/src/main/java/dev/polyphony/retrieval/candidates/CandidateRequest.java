package dev.polyphony.retrieval.candidates;

import java.util.Objects;
import java.util.Set;

/**
 * What candidates are wanted for: a seed track, a playlist, or both, plus track ids never to return.
 * Every generator also leaves out the seed track itself and the playlist's tracks.
 *
 * @param seedTrack external id of the seed track, or null
 * @param playlist external id of the playlist, or null
 * @param exclusions external ids of tracks never to return; ids unknown to the catalog exclude nothing
 */
public record CandidateRequest(String seedTrack, String playlist, Set<String> exclusions) {
  public CandidateRequest {
    if (seedTrack == null && playlist == null) {
      throw new IllegalArgumentException("a request needs a seed track, a playlist or both (got neither)");
    }
    if (seedTrack != null && seedTrack.isBlank()) {
      throw new IllegalArgumentException("seed track must be non-blank (got '" + seedTrack + "')");
    }
    if (playlist != null && playlist.isBlank()) {
      throw new IllegalArgumentException("playlist must be non-blank (got '" + playlist + "')");
    }
    exclusions = Set.copyOf(Objects.requireNonNull(exclusions, "exclusions"));
  }

  /** Candidates for a seed track. */
  public static CandidateRequest forSeedTrack(String seedTrack) {
    return new CandidateRequest(seedTrack, null, Set.of());
  }

  /** Candidates to continue a playlist. */
  public static CandidateRequest forPlaylist(String playlist) {
    return new CandidateRequest(null, playlist, Set.of());
  }

  /** This request with {@code ids} never returned as well. */
  public CandidateRequest excluding(Set<String> ids) {
    java.util.Set<String> all = new java.util.HashSet<>(exclusions);
    all.addAll(ids);
    return new CandidateRequest(seedTrack, playlist, all);
  }

  public boolean hasSeedTrack() {
    return seedTrack != null;
  }

  public boolean hasPlaylist() {
    return playlist != null;
  }
}
