package dev.polyphony.bench;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import java.util.SplittableRandom;

/**
 * A random playlist-track graph for benchmarks: {@code edges / 50} playlists of 10 to 90 tracks and
 * {@code edges / 10} tracks whose popularity follows a power law (track {@code floor(n * u^3)} for
 * uniform {@code u}, so a few tracks sit in many playlists, as in real catalogs). Duplicate picks
 * within a playlist are merged by the builder, so the edge count lands slightly below {@code edges}.
 */
final class PlaylistTrackGraph {
  final NodeType playlist;
  final NodeType track;
  final EdgeType contains;
  final HeteroGraph graph;

  PlaylistTrackGraph(int edges, long seed) {
    GraphSchema.Builder sb = GraphSchema.builder();
    playlist = sb.node("playlist");
    track = sb.node("track");
    contains = sb.edge(playlist, "contains", track);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    int playlists = Math.max(1, edges / 50);
    int tracks = Math.max(1, edges / 10);
    for (int p = 0; p < playlists; p++) {
      b.addNode(playlist, "p" + p);
    }
    for (int t = 0; t < tracks; t++) {
      b.addNode(track, "t" + t);
    }
    b.expectEdges(contains, edges);
    SplittableRandom random = new SplittableRandom(seed);
    int added = 0;
    for (int p = 0; added < edges; p = (p + 1) % playlists) {
      int length = Math.min(edges - added, 10 + random.nextInt(81));
      for (int i = 0; i < length; i++) {
        double u = random.nextDouble();
        b.addEdge(contains, p, (int) (tracks * u * u * u));
      }
      added += length;
    }
    graph = b.build();
  }

  /** {@code count} tracks that are in at least one playlist, drawn with {@code seed}. */
  int[] tracksWithPlaylists(int count, long seed) {
    return nodesWithEdges(graph.in(contains), count, seed);
  }

  /** {@code count} playlists holding at least one track, drawn with {@code seed}. */
  int[] playlistsWithTracks(int count, long seed) {
    return nodesWithEdges(graph.out(contains), count, seed);
  }

  private static int[] nodesWithEdges(CsrAdjacency rows, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = new int[count];
    for (int i = 0; i < count; ) {
      int node = random.nextInt(rows.rowCount());
      if (rows.degree(node) > 0) {
        out[i++] = node;
      }
    }
    return out;
  }
}
