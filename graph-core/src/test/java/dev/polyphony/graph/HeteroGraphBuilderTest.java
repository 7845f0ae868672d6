package dev.polyphony.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeteroGraphBuilderTest {
  private final GraphSchema.Builder sb = GraphSchema.builder();
  private final NodeType playlist = sb.node("playlist");
  private final NodeType track = sb.node("track");
  private final EdgeType contains = sb.edge(playlist, "contains", track);
  private final GraphSchema schema = sb.build();

  @Test
  void buildsBothDirectionsFeaturesAndAttributes() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    b.declareFeatures(track, List.of("energy", "tempo"));
    int p0 = b.addNode(playlist, "p0");
    int p1 = b.addNode(playlist, "p1");
    int t0 = b.addNode(track, "t0");
    int t1 = b.addNode(track, "t1");
    int t2 = b.addNode(track, "t2");
    b.setFeatures(track, t0, new float[] {0.5f, 120f});
    b.setFeatures(track, t1, new float[] {0.7f, 100f});
    b.setFeatures(track, t2, new float[] {0.9f, 140f});
    b.attribute(track, "release_date", AttributeKind.DATE).setDate(t1, LocalDate.of(2019, 6, 14));
    b.addEdge(contains, p0, t0).addEdge(contains, p0, t1).addEdge(contains, p1, t1).addEdge(contains, p0, t1);

    HeteroGraph g = b.build();

    assertThat(g.nodeCount(track)).isEqualTo(3);
    assertThat(g.edgeCount(contains)).isEqualTo(3);
    assertThat(b.mergedDuplicateEdges()).containsEntry(contains, 1);
    assertThat(g.out(contains).neighbors(p0)).containsExactly(t0, t1);
    assertThat(g.in(contains).neighbors(t1)).containsExactly(p0, p1);
    assertThat(g.in(contains).neighbors(t2)).isEmpty();
    assertThat(g.ids(track).indexOf("t2")).isEqualTo(t2);
    assertThat(g.features(track).orElseThrow().get(t2, 1)).isEqualTo(140f);
    assertThat(g.features(track).orElseThrow().stats().mean()[1]).isEqualTo(120f);
    assertThat(g.features(playlist)).isEmpty();
    assertThat(g.attributes(track).column("release_date").getDate(t1)).isEqualTo(LocalDate.of(2019, 6, 14));
    assertThat(g.attributes(track).column("release_date").isNull(t0)).isTrue();
    assertThat(g.bytes()).isPositive();
  }

  @Test
  void featuredTypeWithoutARowFailsNamingTheNode() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    b.declareFeatures(track, List.of("energy"));
    b.addNode(track, "t0");
    assertThatThrownBy(b::build).hasMessageContaining("'t0'");
  }

  @Test
  void weightedRelationRequiresWeights() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema).declareWeights(contains);
    int p = b.addNode(playlist, "p");
    int t = b.addNode(track, "t");
    assertThatThrownBy(() -> b.addEdge(contains, p, t)).hasMessageContaining("needs a weight");
    assertThatThrownBy(() -> b.addEdge(contains, p, t, Float.NaN)).hasMessageContaining("not finite");
  }

  @Test
  void edgeToAnUnaddedNodeIsRefused() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    int p = b.addNode(playlist, "p");
    assertThatThrownBy(() -> b.addEdge(contains, p, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void memoryEstimateMatchesBuiltAdjacencyWhenNoDuplicates() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    for (int i = 0; i < 10; i++) {
      b.addNode(playlist, "p" + i);
      b.addNode(track, "t" + i);
    }
    for (int i = 0; i < 10; i++) {
      b.addEdge(contains, i, (i * 3) % 10);
      b.addEdge(contains, i, (i * 7 + 1) % 10);
    }
    GraphMemoryEstimate estimate = b.estimateMemory();
    HeteroGraph g = b.build();
    assertThat(estimate.graphBytes()).isEqualTo(g.bytesByPart().get("adjacency"));
  }
}
