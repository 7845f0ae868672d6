package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Direction;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Weighting#HASH}: each node's neighbours are the first K by Spark's xxhash64 rule, whatever the batch. */
class NeighborSamplerHashTest {
  private final GraphSchema.Builder sb = GraphSchema.builder();
  private final NodeType playlist = sb.node("playlist");
  private final NodeType track = sb.node("track");
  private final EdgeType contains = sb.edge(playlist, "contains", track);
  private final GraphSchema schema = sb.build();

  /** p0 contains t0..t4; p1 contains t1, t3. */
  private HeteroGraph catalog() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    b.addNode(playlist, "p0");
    b.addNode(playlist, "p1");
    for (int i = 0; i < 5; i++) {
      b.addNode(track, "t" + i);
      b.addEdge(contains, 0, i);
    }
    b.addEdge(contains, 1, 1).addEdge(contains, 1, 3);
    return b.build();
  }

  private static NeighborSamplerConfig hash(String fanouts, long seed) {
    return NeighborSamplerConfig.builder().fanouts(fanouts).weighting(Weighting.HASH).seed(seed).build();
  }

  /** The ids of p0's tracks ranked by xxhash64("p0", id, seed), the rule written out. */
  private static List<String> rankedTracksOfP0(long seed) {
    List<String> ids = new ArrayList<>(List.of("t0", "t1", "t2", "t3", "t4"));
    ids.sort(Comparator.comparingLong((String id) -> SeededHash.pair("p0", id, seed)).thenComparing(id -> id));
    return ids;
  }

  private static List<String> neighboursOf(HeteroGraph graph, SampledBlocks out, int hop) {
    SampledBlocks.Block block = out.block(hop, "contains", Direction.OUT);
    List<String> ids = new ArrayList<>();
    for (int p = 0; p < block.edgeCount(); p++) {
      ids.add(graph.ids(block.srcType()).externalId(out.globalId(block.srcType(), block.src(p))));
    }
    return ids;
  }

  @Test
  void takesTheFirstFanoutNeighboursByHashInHashOrder() {
    HeteroGraph graph = catalog();
    NeighborSampler sampler = new NeighborSampler(graph, hash("contains:3", 17));

    SampledBlocks out = sampler.sample(playlist, new int[] {0}, 1);

    assertThat(neighboursOf(graph, out, 1)).containsExactlyElementsOf(rankedTracksOfP0(17).subList(0, 3));
  }

  @Test
  void theSampleOfANodeIgnoresTheBatchSeedAndTheOtherSeeds() {
    HeteroGraph graph = catalog();
    NeighborSampler sampler = new NeighborSampler(graph, hash("contains:2", 5));

    List<String> alone = neighboursOf(graph, sampler.sample(playlist, new int[] {0}, 1), 1);
    SampledBlocks both = sampler.sample(playlist, new int[] {1, 0}, 99);
    SampledBlocks.Block block = both.block(1, "contains", Direction.OUT);
    int p0 = both.seedLocalId(1) - block.firstDst();
    List<String> inBatch = new ArrayList<>();
    for (int p = block.offsetsView().get(p0); p < block.offsetsView().get(p0 + 1); p++) {
      inBatch.add(graph.ids(track).externalId(both.globalId(track, block.src(p))));
    }

    assertThat(inBatch).isEqualTo(alone).isEqualTo(rankedTracksOfP0(5).subList(0, 2));
  }

  @Test
  void anotherSeedRanksOtherwise() {
    assertThat(rankedTracksOfP0(1)).isNotEqualTo(rankedTracksOfP0(2));
  }

  @Test
  void refusesFanoutsThatGrowFromHopToHopOrDrawWithReplacement() {
    assertThatThrownBy(() -> hash("contains:2;contains:3", 0))
        .hasMessageContaining("'contains' has 3 at hop 2 and 2 at hop 1");
    assertThatThrownBy(() -> NeighborSamplerConfig.builder().fanouts("contains:2").weighting(Weighting.HASH)
        .replace(true).build()).hasMessageContaining("replace = true");
    assertThat(hash("contains:all;contains:3", 0).weighting()).isEqualTo(Weighting.HASH);
  }
}
