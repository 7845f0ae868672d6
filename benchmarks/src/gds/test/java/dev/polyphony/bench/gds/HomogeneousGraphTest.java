package dev.polyphony.bench.gds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomogeneousGraphTest {

  /** Two playlists, three tracks with one feature (1, 2, 3), p0-{t0,t1}, p1-{t2}. */
  static HeteroGraph catalog() {
    GraphSchema.Builder schema = GraphSchema.builder();
    NodeType playlist = schema.node("playlist");
    NodeType track = schema.node("track");
    EdgeType contains = schema.edge(playlist, "contains", track);
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema.build());
    b.addNode(playlist, "p0");
    b.addNode(playlist, "p1");
    b.declareFeatures(track, List.of("energy"));
    for (int t = 0; t < 3; t++) {
      b.setFeatures(track, b.addNode(track, "t" + t), new float[] {t + 1});
    }
    b.addEdge(contains, 0, 0);
    b.addEdge(contains, 0, 1);
    b.addEdge(contains, 1, 2);
    return b.build(ProgressTracker.NONE);
  }

  @Test
  void laysTypesEndToEndWithStandardisedFeaturesAndATypeOneHot() {
    HeteroGraph catalog = catalog();
    HomogeneousGraph g = HomogeneousGraph.of(catalog);
    NodeType track = catalog.schema().nodeType("track");

    assertThat(g.nodeCount()).isEqualTo(5);
    assertThat(g.offsets()).containsExactly(0, 2, 5);
    assertThat(g.source()).containsExactly(0, 0, 1);
    assertThat(g.target()).containsExactly(2, 3, 4);
    assertThat(g.featureWidth()).isEqualTo(3);
    assertThat(g.globalId(track, 1)).isEqualTo(3);
    // Playlists: no features of their own, one-hot of type 0.
    assertThat(g.featureRow(1)).containsExactly(0f, 1f, 0f);
    // Tracks 1, 2, 3 have mean 2: the middle one standardises to 0, the outer ones to -z and +z.
    assertThat(g.featureRow(3)).containsExactly(0f, 0f, 1f);
    float low = g.featureRow(2)[0];
    assertThat(low).isNegative();
    assertThat(g.featureRow(4)[0]).isEqualTo(-low);
  }

  @Test
  void rejectsFeaturesOfTheWrongLength() {
    assertThatThrownBy(() -> new HomogeneousGraph(List.of(NodeType.of("a")), new long[] {0, 2}, new long[0],
        new long[0], new float[3], 1)).hasMessage("features must hold 2 rows of 1 values (got 3)");
  }
}
