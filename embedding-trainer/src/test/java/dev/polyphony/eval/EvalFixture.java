package dev.polyphony.eval;

import static dev.polyphony.graph.io.SpotifySongsSchema.ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.BY_ARTIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;
import static dev.polyphony.graph.io.SpotifySongsSchema.PLAYLIST;
import static dev.polyphony.graph.io.SpotifySongsSchema.TRACK;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.io.SpotifySongsSchema;
import dev.polyphony.graph.split.EdgeRemoval;
import java.util.List;

/**
 * A catalog small enough to rank by hand, in the Spotify songs schema. Dense ids equal the numbers in
 * the names (playlists p0..p3, tracks t0..t6, artists a0..a2).
 *
 * <pre>
 * contains                 by_artist          features (f0, f1)
 *   p0 -> t0 t1 t2           t0, t1 -> a0       t0 ( 1,  0)   t4 (-1, -1)
 *   p1 -> t0 t1 t3           t3, t5 -> a1       t1 ( 1,  1)   t5 ( 0, -1)
 *   p2 -> t1 t3 t4           t2, t4, t6 -> a2   t2 (-1,  0)   t6 ( 1,  1)
 *   p3 -> t4 t5                                 t3 ( 0,  1)
 * </pre>
 * Popularity (playlists per track): t0 2, t1 3, t2 1, t3 2, t4 2, t5 1, t6 0. t6 is in no playlist: a
 * cold track with an artist and features.
 */
final class EvalFixture {
  static final int[][] PLAYLISTS = {{0, 1, 2}, {0, 1, 3}, {1, 3, 4}, {4, 5}};
  static final int[] ARTIST_OF = {0, 0, 2, 1, 2, 1, 2};
  static final float[][] FEATURES = {{1, 0}, {1, 1}, {-1, 0}, {0, 1}, {-1, -1}, {0, -1}, {1, 1}};

  private EvalFixture() {}

  static HeteroGraph catalog() {
    return catalogWith(PLAYLISTS);
  }

  /** The fixture's tracks, artists and features with other playlists. */
  static HeteroGraph catalogWith(int[][] playlists) {
    HeteroGraphBuilder b = new HeteroGraphBuilder(SpotifySongsSchema.SCHEMA);
    b.declareFeatures(TRACK, List.of("f0", "f1"));
    for (int t = 0; t < FEATURES.length; t++) {
      b.addNode(TRACK, "t" + t);
      b.setFeatures(TRACK, t, FEATURES[t]);
    }
    for (int p = 0; p < playlists.length; p++) {
      b.addNode(PLAYLIST, "p" + p);
    }
    for (int a = 0; a < 3; a++) {
      b.addNode(ARTIST, "a" + a);
    }
    for (int p = 0; p < playlists.length; p++) {
      for (int t : playlists[p]) {
        b.addEdge(CONTAINS, p, t);
      }
    }
    for (int t = 0; t < ARTIST_OF.length; t++) {
      b.addEdge(BY_ARTIST, t, ARTIST_OF[t]);
    }
    return b.build();
  }

  /** The fixture as one catalog (training and inference alike). */
  static PlaylistCatalog playlistCatalog() {
    return PlaylistCatalog.of(catalog(), "contains");
  }

  /** The fixture without the given playlist-track edges ({@code {playlist, track}} pairs). */
  static EdgeRemoval without(int[]... edges) {
    int[] src = new int[edges.length];
    int[] dst = new int[edges.length];
    for (int i = 0; i < edges.length; i++) {
      src[i] = edges[i][0];
      dst[i] = edges[i][1];
    }
    return new EdgeRemoval(catalog()).removeEdges(CONTAINS, src, dst);
  }
}
