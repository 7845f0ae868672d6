package dev.polyphony.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphFingerprintTest {
  private static final GraphMapping MAPPING = GraphMapping.conventional(TestGraphs.SCHEMA);

  @Test
  void equalGraphsHaveEqualFingerprints() {
    String a = GraphFingerprint.of(TestGraphs.catalog(), MAPPING);
    assertThat(a).hasSize(64).matches("[0-9a-f]+");
    assertThat(GraphFingerprint.of(TestGraphs.catalog(), MAPPING)).isEqualTo(a);
  }

  @Test
  void anyWrittenDifferenceChangesTheFingerprint() {
    String base = GraphFingerprint.of(TestGraphs.catalog(), MAPPING);

    HeteroGraphBuilder extraEdge = TestGraphs.catalogBuilder();
    extraEdge.addEdge(TestGraphs.CONTAINS, 0, 2);
    HeteroGraphBuilder otherAttribute = TestGraphs.catalogBuilder();
    otherAttribute.attribute(TestGraphs.TRACK, "popularity", AttributeKind.INT).setInt(2, 1);
    HeteroGraphBuilder otherFeature = TestGraphs.catalogBuilder();
    otherFeature.setFeatures(TestGraphs.TRACK, 2, new float[] {1f, 60.5f});
    HeteroGraphBuilder otherWeight = TestGraphs.catalogBuilder();
    otherWeight.addEdge(TestGraphs.LISTENED, 0, 0, 1f, 1_000L);
    Map<String, String> labels = new HashMap<>(MAPPING.labels());
    labels.put("track", "Song");
    GraphSchema schema = TestGraphs.SCHEMA;

    assertThat(GraphFingerprint.of(extraEdge.build(), MAPPING)).isNotEqualTo(base);
    assertThat(GraphFingerprint.of(otherAttribute.build(), MAPPING)).isNotEqualTo(base);
    assertThat(GraphFingerprint.of(otherFeature.build(), MAPPING)).isNotEqualTo(base);
    assertThat(GraphFingerprint.of(otherWeight.build(), MAPPING)).isNotEqualTo(base);
    HeteroGraph same = TestGraphs.catalog();
    assertThat(GraphFingerprint.of(same, new GraphMapping(schema, labels, MAPPING.relationshipTypes(), "features")))
        .isNotEqualTo(base);
  }
}
