package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSampler;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Under hash sampling a tree node's children are its own level's sample, whatever else the batch holds. */
class ComputationTreeHashTest {
  private final GraphSchema.Builder sb = GraphSchema.builder();
  private final NodeType track = sb.node("track");
  private final EdgeType similar = sb.edge(track, "similar", track);
  private final GraphSchema schema = sb.build();

  /** t0 - t1, t0 - t2; t1 - t2, t1 - t3, t1 - t4 (undirected: similar followed both ways). */
  private HeteroGraph graph() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    for (int i = 0; i < 5; i++) {
      b.addNode(track, "t" + i);
    }
    b.addEdge(similar, 0, 1).addEdge(similar, 0, 2).addEdge(similar, 1, 2).addEdge(similar, 1, 3)
        .addEdge(similar, 1, 4);
    return b.build();
  }

  /** External ids of the level-2 children of the level-1 row holding {@code id}, under seed row 0. */
  private static List<String> grandchildren(HeteroGraph graph, ComputationTree tree, String id) {
    List<String> out = new ArrayList<>();
    NodeType type = tree.plan().seedType();
    int row = -1;
    for (int r = 0; r < tree.rows(1); r++) {
      if (tree.parentRow(1, r) == 0
          && graph.ids(type).externalId(tree.sample().globalId(type, tree.localId(1, r))).equals(id)) {
        row = r;
      }
    }
    assertThat(row).as("%s under the first seed", id).isNotNegative();
    for (int r = 0; r < tree.rows(2); r++) {
      if (tree.parentRow(2, r) == row) {
        out.add(graph.ids(type).externalId(tree.sample().globalId(type, tree.localId(2, r))));
      }
    }
    return out;
  }

  @Test
  void aSeedReachedAgainAtLevelOneKeepsOnlyItsLevelsFanout() {
    HeteroGraph graph = graph();
    NeighborSamplerConfig config = NeighborSamplerConfig.builder().fanouts("similar:3;similar:1")
        .weighting(Weighting.HASH).seed(4).build();
    NeighborSampler sampler = new NeighborSampler(graph, config);
    TreePlan plan = TreePlan.of(schema, config, track);

    ComputationTree alone = ComputationTree.of(plan, sampler.sample(track, new int[] {0}, 1), NeighborCut.NONE,
        config);
    // t1 is a seed too: the sampler expands it once, at hop 1, with fan-out 3.
    ComputationTree withT1 = ComputationTree.of(plan, sampler.sample(track, new int[] {0, 1}, 2), NeighborCut.NONE,
        config);

    assertThat(grandchildren(graph, alone, "t1")).hasSize(1);
    assertThat(grandchildren(graph, withT1, "t1")).isEqualTo(grandchildren(graph, alone, "t1"));
  }
}
