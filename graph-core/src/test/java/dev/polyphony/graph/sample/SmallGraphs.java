package dev.polyphony.graph.sample;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;

/** Hand-built graphs of a few nodes shared by the sampling tests; node i of a type is "x" + i. */
final class SmallGraphs {
  private SmallGraphs() {}

  /**
   * playlist, track, artist with {@code (playlist)-[contains]->(track)} and {@code (track)-[by]->(artist)}:
   * p0 = {t0, t1, t2}, p1 = {t2, t3}, p2 = {t3, t4}; t0, t1 by a0; t2, t3 by a1; t4 by a2; t5 alone.
   */
  static final class Catalog {
    final GraphSchema.Builder sb = GraphSchema.builder();
    final NodeType playlist = sb.node("playlist");
    final NodeType track = sb.node("track");
    final NodeType artist = sb.node("artist");
    final EdgeType contains = sb.edge(playlist, "contains", track);
    final EdgeType by = sb.edge(track, "by", artist);
    final GraphSchema schema = sb.build();
    final HeteroGraph graph;

    Catalog() {
      HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
      for (int i = 0; i < 3; i++) {
        b.addNode(playlist, "p" + i);
        b.addNode(artist, "a" + i);
      }
      for (int i = 0; i < 6; i++) {
        b.addNode(track, "t" + i);
      }
      int[][] playlists = {{0, 1, 2}, {2, 3}, {3, 4}};
      for (int p = 0; p < playlists.length; p++) {
        for (int t : playlists[p]) {
          b.addEdge(contains, p, t);
        }
      }
      int[] artistOf = {0, 0, 1, 1, 2};
      for (int t = 0; t < artistOf.length; t++) {
        b.addEdge(by, t, artistOf[t]);
      }
      graph = b.build();
    }

    Metapath trackPlaylistTrack() {
      return Metapath.parse(schema, "track <-contains- playlist -contains-> track");
    }
  }

  /** One node type {@code user} and one relation {@code (user)-[rel]->(user)} with the given edges. */
  static final class Homogeneous {
    final GraphSchema.Builder sb = GraphSchema.builder();
    final NodeType user = sb.node("user");
    final EdgeType rel;
    final GraphSchema schema;
    final HeteroGraph graph;

    Homogeneous(String relation, int nodes, int[][] edges) {
      rel = sb.edge(user, relation, user);
      schema = sb.build();
      HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
      for (int i = 0; i < nodes; i++) {
        b.addNode(user, "u" + i);
      }
      for (int[] e : edges) {
        b.addEdge(rel, e[0], e[1]);
      }
      graph = b.build();
    }

    /** Walks the relation in both directions (undirected). */
    RandomWalker undirectedWalker() {
      return RandomWalker.uniform(graph, user, java.util.List.of(WalkHop.out(rel), WalkHop.in(rel)));
    }

    /** Walks the relation forwards only. */
    RandomWalker forwardWalker() {
      return RandomWalker.metapath(graph, Metapath.startingAt(user).out(rel).build());
    }
  }

  /** Triangle 0-1-2 with a tail 2-3-4-5, undirected. */
  static Homogeneous triangleWithTail() {
    return new Homogeneous("friend", 6, new int[][] {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}});
  }

  /** Undirected cycle 0-1-2-3-4-0: every node has degree 2. */
  static Homogeneous fiveCycle() {
    return new Homogeneous("friend", 5, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}});
  }

  /** Directed {@code next} edges; every walk forwards is determined when each node has one successor. */
  static Homogeneous directed(int nodes, int[][] edges) {
    return new Homogeneous("next", nodes, edges);
  }
}
