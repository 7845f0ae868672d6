package dev.polyphony.eval;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Map;

/**
 * Same-artist popularity: first the tracks by an artist of the playlist's training tracks, by training
 * popularity (number of training playlists), then every other track by the same popularity. Artist
 * edges are read from the inference graph, so a cold track is found through its artist even though it
 * has no playlist; among equally popular tracks the lower id comes first.
 *
 * <p>Scores: {@code popularity(t) + (P + 1)} for a track by one of the playlist's artists and
 * {@code popularity(t)} otherwise, where {@code P} is the largest popularity, so the first group always
 * outranks the second. Popularities are playlist counts, exact in a float up to 2^24.
 */
public final class SameArtistPopularityRecommender implements PlaylistRecommender {
  private final String artistRelation;

  /** @param artistRelation the track-to-artist relation, e.g. {@code by_artist} */
  public SameArtistPopularityRecommender(String artistRelation) {
    if (artistRelation == null || artistRelation.isBlank()) {
      throw new IllegalArgumentException("artistRelation must be a non-blank name (got " + artistRelation + ")");
    }
    this.artistRelation = artistRelation;
  }

  @Override
  public String name() {
    return "same-artist popularity";
  }

  @Override
  public Object parameters() {
    return Map.of("artistRelation", artistRelation);
  }

  @Override
  public FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress) {
    EdgeType relation = catalog.inference().schema().edgeType(artistRelation);
    if (!relation.src().equals(catalog.trackType())) {
      throw new IllegalArgumentException("relation '" + artistRelation + "' " + relation
          + " does not start at track type '" + catalog.trackType() + "'");
    }
    float[] popularity = catalog.trainingPopularity();
    float max = 0;
    for (float p : popularity) {
      max = Math.max(max, p);
    }
    return new Fitted(catalog, popularity, max + 1, catalog.inference().out(relation),
        catalog.inference().in(relation));
  }

  private record Fitted(PlaylistCatalog catalog, float[] popularity, float artistBonus,
      CsrAdjacency trackArtists, CsrAdjacency artistTracks) implements FittedRecommender {

    @Override
    public void score(int playlist, float[] scores) {
      System.arraycopy(popularity, 0, scores, 0, popularity.length);
      CsrAdjacency tracks = catalog.playlistTracks();
      IntOpenHashSet artists = new IntOpenHashSet();
      for (int p = tracks.start(playlist), end = tracks.end(playlist); p < end; p++) {
        int track = tracks.target(p);
        for (int q = trackArtists.start(track), qEnd = trackArtists.end(track); q < qEnd; q++) {
          int artist = trackArtists.target(q);
          if (artists.add(artist)) {
            for (int r = artistTracks.start(artist), rEnd = artistTracks.end(artist); r < rEnd; r++) {
              int candidate = artistTracks.target(r);
              if (scores[candidate] < artistBonus) {
                scores[candidate] += artistBonus;
              }
            }
          }
        }
      }
    }
  }
}
