package dev.polyphony.bench;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.graph.synth.SyntheticSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrapht.alg.util.Pair;

/**
 * A deterministic playlist -> track edge list for comparing graph builds: exactly {@code count()} distinct
 * edges taken from the {@code contains} relation of a synthetic catalog (Pareto playlist lengths, power-law
 * track popularity; see {@link SyntheticCatalog}) generated a little larger than needed, then put in a
 * seeded random order, as an input file would list them, and cut to the wanted count.
 */
final class PlaylistTrackEdges {
  /** Playlists of the catalog the edges come from (not all need keep an edge after the cut). */
  final int playlists;
  final int tracks;
  /** {@code playlist[e] -> track[e]} is edge {@code e}, as dense ids of each node type. */
  final int[] playlist;
  final int[] track;

  private PlaylistTrackEdges(int playlists, int tracks, int[] playlist, int[] track) {
    this.playlists = playlists;
    this.tracks = tracks;
    this.playlist = playlist;
    this.track = track;
  }

  /** Exactly {@code edges} distinct edges; equal seeds give equal lists. */
  static PlaylistTrackEdges generate(int edges, long seed) {
    if (edges <= 0) {
      throw new IllegalArgumentException("edges must be > 0 (got " + edges + ")");
    }
    SyntheticCatalogConfig defaults = SyntheticCatalogConfig.defaults();
    CsrAdjacency contains;
    // A catalog with some more playlist edges than needed absorbs the spread of the Pareto playlist
    // lengths; a small one can still fall short, and then a larger one is generated.
    for (double slack = 1.1; ; slack *= 1.25) {
      double scale = slack * edges / defaults.expectedPlaylistEdges();
      SyntheticCatalogConfig config = SyntheticCatalogFixture.config(scale).toBuilder().users(0).seed(seed).build();
      contains = SyntheticCatalog.generate(config).out(SyntheticSchema.CONTAINS);
      if (contains.edgeCount() >= edges) {
        break;
      }
    }
    int all = contains.edgeCount();
    int[] p = new int[all];
    int[] t = new int[all];
    for (int row = 0; row < contains.rowCount(); row++) {
      for (int pos = contains.start(row); pos < contains.end(row); pos++) {
        p[pos] = row;
        t[pos] = contains.target(pos);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = all - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      swap(p, i, j);
      swap(t, i, j);
    }
    return new PlaylistTrackEdges(contains.rowCount(), contains.targetCount(),
        Arrays.copyOf(p, edges), Arrays.copyOf(t, edges));
  }

  int count() {
    return playlist.length;
  }

  /** The playlist -> track CSR of these edges, built as {@code HeteroGraphBuilder} builds a relation. */
  CsrAdjacency outCsr() {
    return CsrAdjacency.fromEdges(playlists, tracks, playlist, track, null, null, count()).adjacency();
  }

  /** Vertices of the one id range JGraphT's sparse graphs use: playlists first, then tracks. */
  int vertexCount() {
    return playlists + tracks;
  }

  /** The edges as JGraphT's sparse graphs take them: playlist {@code p} is vertex p, track t is playlists + t. */
  List<Pair<Integer, Integer>> vertexPairs() {
    List<Pair<Integer, Integer>> pairs = new ArrayList<>(count());
    for (int e = 0; e < count(); e++) {
      pairs.add(Pair.of(playlist[e], playlists + track[e]));
    }
    return pairs;
  }

  private static void swap(int[] a, int i, int j) {
    int x = a[i];
    a[i] = a[j];
    a[j] = x;
  }
}
