package dev.polyphony.bench.gds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GdsPeerTest {
  private static GdsPeer peer;

  @BeforeAll
  static void start() {
    peer = GdsPeer.start();
  }

  @AfterAll
  static void stop() {
    peer.close();
  }

  /** Two playlists, four tracks, one isolated track: p0-{t0,t1,t2}, p1-{t2,t3}, t4 alone. */
  static HeteroGraph catalog() {
    GraphSchema.Builder schema = GraphSchema.builder();
    NodeType playlist = schema.node("playlist");
    NodeType track = schema.node("track");
    EdgeType contains = schema.edge(playlist, "contains", track);
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema.build());
    for (String p : new String[] {"p0", "p1"}) {
      b.addNode(playlist, p);
    }
    for (int t = 0; t < 5; t++) {
      b.addNode(track, "t" + t);
    }
    int[][] edges = {{0, 0}, {0, 1}, {0, 2}, {1, 2}, {1, 3}};
    for (int[] e : edges) {
      b.addEdge(contains, e[0], e[1]);
    }
    return b.build(ProgressTracker.NONE);
  }

  @Test
  void registersTheProceduresAndProjectsEveryNodeAndEdge() {
    assertThat(peer.procedures()).contains("gds.fastRP.stream", "gds.beta.graphSage.train",
        "gds.beta.graphSage.stream", "gds.node2vec.stream", "gds.graph.project");
    HomogeneousGraph graph = HomogeneousGraph.of(catalog());
    long[] counts = peer.project("tiny", graph);
    assertThat(counts).containsExactly(7, 10);
    peer.drop("tiny");
  }

  @Test
  void embedsEveryNodeWithEachAlgorithm() {
    HomogeneousGraph graph = HomogeneousGraph.of(catalog());
    peer.project("tiny2", graph);
    GdsSettings s = GdsSettings.matching(8, List.of(2, 2), 1, 4, 0.01, 7).withConcurrency(1);
    float[] fast = peer.fastRp("tiny2", 7, s);
    float[] again = peer.fastRp("tiny2", 7, s);
    assertThat(fast).hasSize(56).containsExactly(again);
    assertThat(peer.node2Vec("tiny2", 7, s)).hasSize(56);
    String model = peer.trainGraphSage("tiny2", s);
    assertThat(peer.graphSage("tiny2", model, 7, s)).hasSize(56);
    peer.dropModel(model);
    peer.drop("tiny2");
  }
}
