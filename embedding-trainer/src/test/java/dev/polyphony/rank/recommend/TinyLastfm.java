package dev.polyphony.rank.recommend;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.io.LastfmSchema;
import dev.polyphony.rank.data.LastfmImpressions;
import dev.polyphony.rank.data.LastfmImpressionsConfig;

/**
 * A hand-built Last.fm graph and its catalog; no user reaches {@code minArtists}, so nothing is held out and
 * every listen is a training pair.
 *
 * <pre>
 *   u0 listens a0            friends u1, u2
 *   u1 listens a1, a2        friend  u0
 *   u2 listens a2, a3        friend  u0
 *   u3 listens a2, a4
 * </pre>
 *
 * Training listeners: a0 1, a1 1, a2 3, a3 1, a4 1.
 */
final class TinyLastfm {
  private static final int[][] LISTENS = {{0}, {1, 2}, {2, 3}, {2, 4}};

  private TinyLastfm() {}

  static HeteroGraph graph() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(LastfmSchema.SCHEMA);
    b.declareWeights(LastfmSchema.LISTENED);
    for (int u = 0; u < LISTENS.length; u++) {
      b.addNode(LastfmSchema.USER, "u" + u);
    }
    for (int a = 0; a < 5; a++) {
      b.addNode(LastfmSchema.ARTIST, "a" + a);
    }
    for (int u = 0; u < LISTENS.length; u++) {
      for (int a : LISTENS[u]) {
        b.addEdge(LastfmSchema.LISTENED, u, a, 1f + u + a);
      }
    }
    b.addEdge(LastfmSchema.FRIEND, 0, 1);
    b.addEdge(LastfmSchema.FRIEND, 1, 0);
    b.addEdge(LastfmSchema.FRIEND, 0, 2);
    b.addEdge(LastfmSchema.FRIEND, 2, 0);
    return b.build();
  }

  static LastfmCatalog catalog() {
    HeteroGraph graph = graph();
    LastfmImpressionsConfig config = new LastfmImpressionsConfig(0.2, 10, 2, 0, 2, 0.8, 3);
    return new LastfmCatalog(graph, LastfmImpressions.build(graph, config).features());
  }
}
