package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.report.DegreeHistogram.Bin;
import java.util.List;
import org.junit.jupiter.api.Test;

class DegreeHistogramTest {
  @Test
  void binsDegreesByPowersOfTwo() {
    DegreeHistogram h = DegreeHistogram.of("r", DegreeHistogram.OUT, "n", new int[] {0, 1, 1, 2, 3, 4, 7, 8, 0});

    assertThat(h.nodes()).isEqualTo(9);
    assertThat(h.isolated()).isEqualTo(2);
    assertThat(h.maxDegree()).isEqualTo(8);
    assertThat(h.bins()).containsExactly(new Bin(1, 1, 2), new Bin(2, 3, 2), new Bin(4, 7, 2), new Bin(8, 15, 1));
    assertThat(h.bins().get(1).nodesPerDegree()).isEqualTo(1.0);
    assertThat(h.bins().get(2).nodesPerDegree()).isEqualTo(0.5);
    assertThat(h.bins().get(3).nodesPerDegree()).isEqualTo(1.0 / 8);
    assertThat(h.label()).isEqualTo("r (out: n)");
  }

  @Test
  void keepsEmptyBinsBelowTheLargestDegree() {
    DegreeHistogram h = DegreeHistogram.of("r", DegreeHistogram.IN, "n", new int[] {1, 20});
    assertThat(h.bins()).containsExactly(new Bin(1, 1, 1), new Bin(2, 3, 0), new Bin(4, 7, 0), new Bin(8, 15, 0),
        new Bin(16, 31, 1));
  }

  @Test
  void withoutEdgesThereAreNoBins() {
    DegreeHistogram h = DegreeHistogram.of("r", DegreeHistogram.IN, "n", new int[] {0, 0});
    assertThat(h.bins()).isEmpty();
    assertThat(h.isolated()).isEqualTo(2);
    assertThat(DegreeHistogram.of("r", DegreeHistogram.IN, "n", new int[0]).nodes()).isZero();
  }

  @Test
  void readsBothSidesOfEveryRelation() {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType playlist = sb.node("playlist");
    NodeType track = sb.node("track");
    EdgeType contains = sb.edge(playlist, "contains", track);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    int p1 = b.addNode(playlist, "p1");
    int p2 = b.addNode(playlist, "p2");
    int t1 = b.addNode(track, "t1");
    int t2 = b.addNode(track, "t2");
    int t3 = b.addNode(track, "t3");
    b.addNode(track, "t4");
    b.addEdge(contains, p1, t1).addEdge(contains, p1, t2).addEdge(contains, p1, t3).addEdge(contains, p2, t1);
    HeteroGraph graph = b.build();

    List<DegreeHistogram> all = DegreeHistogram.of(graph);

    assertThat(all).containsExactly(
        new DegreeHistogram("contains", "out", "playlist", 2, 0, 3, List.of(new Bin(1, 1, 1), new Bin(2, 3, 1))),
        new DegreeHistogram("contains", "in", "track", 4, 1, 2, List.of(new Bin(1, 1, 2), new Bin(2, 3, 1))));
  }

  @Test
  void rejectsInconsistentCounts() {
    assertThatThrownBy(() -> new DegreeHistogram("r", "out", "n", 3, 0, 1, List.of(new Bin(1, 1, 2))))
        .hasMessage("bins hold 2 nodes, expected 3");
    assertThatThrownBy(() -> new DegreeHistogram("r", "sideways", "n", 0, 0, 0, List.of()))
        .hasMessage("direction must be 'out' or 'in' (got 'sideways')");
  }
}
