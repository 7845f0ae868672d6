package dev.polyphony.graph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import org.junit.jupiter.api.Test;

class GlobalNodeIdsTest {

  @Test
  void mapsGlobalIdsBackToTypeAndLocalIdAcrossAnEmptyType() {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType a = sb.node("a");
    NodeType empty = sb.node("empty");
    NodeType c = sb.node("c");
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    b.addNode(a, "a0");
    b.addNode(a, "a1");
    b.addNode(c, "c0");
    GlobalNodeIds ids = new GlobalNodeIds(b.build());

    assertThat(ids.size()).isEqualTo(3);
    assertThat(ids.global(2, 0)).isEqualTo(2);
    assertThat(ids.typeOf(1)).isEqualTo(a);
    assertThat(ids.localOf(1)).isEqualTo(1);
    assertThat(ids.typeOf(2)).isEqualTo(c);
    assertThat(ids.localOf(2)).isZero();
    assertThat(ids.offset(1)).isEqualTo(2);
    assertThat(empty.name()).isEqualTo("empty");
  }
}
