package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Direction;
import org.junit.jupiter.api.Test;

class TreePlanTest {
  @Test
  void followsEveryRelationAwayFromTheFrontierTypeAtEachHop() {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType playlist = sb.node("playlist");
    NodeType track = sb.node("track");
    NodeType artist = sb.node("artist");
    sb.edge(playlist, "contains", track);
    sb.edge(track, "by", artist);
    GraphSchema schema = sb.build();

    TreePlan plan = TreePlan.of(schema, NeighborSamplerConfig.of("contains:5,by:1;contains:3", 0), track);

    assertThat(plan.blocks()).extracting(TreePlan.Spec::type)
        .containsExactly(track, playlist, artist, track);
    assertThat(plan.blocks()).extracting(TreePlan.Spec::direction)
        .containsExactly(null, Direction.IN, Direction.OUT, Direction.OUT);
    assertThat(plan.blocks()).extracting(TreePlan.Spec::parent).containsExactly(-1, 0, 0, 1);
    assertThat(plan.blocks()).extracting(TreePlan.Spec::level).containsExactly(0, 1, 1, 2);
    assertThat(plan.children(0)).containsExactly(1, 2);
    assertThat(plan.block(1).relationKey()).isEqualTo("contains_IN");
    // Artists are not expanded at hop 2: no relation of hop 2 leaves an artist.
    assertThat(plan.children(2)).isEmpty();
  }

  @Test
  void aHomogeneousRelationIsOneUndirectedTraversal() {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType user = sb.node("user");
    EdgeType knows = sb.edge(user, "knows", user);

    TreePlan plan = TreePlan.of(sb.build(), NeighborSamplerConfig.of("knows:2;knows:2", 0), user);

    assertThat(plan.blocks()).hasSize(3);
    assertThat(plan.block(2).edgeType()).isEqualTo(knows);
    assertThat(plan.block(2).relationKey()).isEqualTo("knows_BOTH");
  }
}
