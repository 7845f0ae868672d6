package dev.polyphony.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CypherNamesTest {
  @Test
  void conventionalLabelsAreUpperCamelCase() {
    assertThat(CypherNames.labelOf("track")).isEqualTo("Track");
    assertThat(CypherNames.labelOf("audio_feature")).isEqualTo("AudioFeature");
    assertThat(CypherNames.labelOf("playList")).isEqualTo("PlayList");
  }

  @Test
  void conventionalRelationshipTypesAreUpperSnakeCase() {
    assertThat(CypherNames.relationshipTypeOf("contains")).isEqualTo("CONTAINS");
    assertThat(CypherNames.relationshipTypeOf("by_artist")).isEqualTo("BY_ARTIST");
    assertThat(CypherNames.relationshipTypeOf("byArtist")).isEqualTo("BY_ARTIST");
    assertThat(CypherNames.relationshipTypeOf("top10Tracks")).isEqualTo("TOP10_TRACKS");
  }

  @Test
  void quotesValidNamesAndRejectsEverythingElse() {
    assertThat(CypherNames.quote("label", "Track")).isEqualTo("`Track`");
    for (String bad : new String[] {"", "1track", "Track`) DETACH DELETE n //", "a b", "a-b", "tr\u00e4ck", null}) {
      assertThatThrownBy(() -> CypherNames.quote("label", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(got '" + bad + "')");
    }
  }

  @Test
  void mappingRejectsTwoNodeTypesOnOneLabel() {
    NodeType lower = NodeType.of("track");
    NodeType upper = NodeType.of("Track");
    GraphSchema schema = new GraphSchema(List.of(lower, upper), List.of(EdgeType.of(lower, "same", upper)));
    assertThatThrownBy(() -> GraphMapping.conventional(schema))
        .hasMessage("node types 'track' and 'Track' both map to label 'Track'");
  }

  @Test
  void mappingRejectsTwoRelationsOnOneType() {
    NodeType a = NodeType.of("a");
    GraphSchema schema = new GraphSchema(List.of(a),
        List.of(EdgeType.of(a, "by_artist", a), EdgeType.of(a, "byArtist", a)));
    assertThatThrownBy(() -> GraphMapping.conventional(schema))
        .hasMessage("relations 'by_artist' and 'byArtist' both map to relationship type 'BY_ARTIST'");
  }

  @Test
  void mappingRejectsAFeaturesPropertyNamedId() {
    GraphSchema schema = TestGraphs.SCHEMA;
    GraphMapping m = GraphMapping.conventional(schema);
    assertThatThrownBy(() -> new GraphMapping(schema, m.labels(), m.relationshipTypes(), "id"))
        .hasMessage("features property must differ from 'id' (got 'id')");
    assertThatThrownBy(() -> new GraphMapping(schema, Map.of(), m.relationshipTypes(), "features"))
        .hasMessage("no label for node type 'track'");
  }
}
