package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import org.junit.jupiter.api.Test;

class EncoderFeaturesTest {
  private final HeteroGraph graph = TinyGraphs.fiveUsers();

  @Test
  void rowSumScalingDividesByTheAbsoluteRowSum() {
    EncoderFeatures f = EncoderFeatures.of(graph, FeatureNormalization.ROW_SUM);

    // u3 = (3, -0.5): |3| + |-0.5| = 3.5.
    assertThat(f.get(TinyGraphs.USER, 3, 0)).isCloseTo(3 / 3.5f, within(1e-6f));
    assertThat(f.get(TinyGraphs.USER, 3, 1)).isCloseTo(-0.5f / 3.5f, within(1e-6f));
  }

  @Test
  void standardizingGivesColumnZScores() {
    EncoderFeatures f = EncoderFeatures.of(graph, FeatureNormalization.STANDARDIZE);

    // Column a = 0..4: mean 2, population std sqrt(2).
    assertThat(f.get(TinyGraphs.USER, 4, 0)).isCloseTo((float) (2 / Math.sqrt(2)), within(1e-5f));
    assertThat(f.dimension(TinyGraphs.USER)).isEqualTo(2);
  }

  @Test
  void aTypeWithoutFeaturesGetsOneColumnOfOnes() {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType tag = sb.node("tag");
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    b.addNode(tag, "rock");
    b.addNode(tag, "jazz");

    EncoderFeatures f = EncoderFeatures.of(b.build(), FeatureNormalization.STANDARDIZE);

    assertThat(f.dimension(tag)).isEqualTo(1);
    float[] out = new float[2];
    f.copyRows(tag, new int[] {1, 0}, 2, out);
    assertThat(out).containsExactly(1f, 1f);
  }
}
