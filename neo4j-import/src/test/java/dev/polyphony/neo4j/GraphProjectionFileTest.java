package dev.polyphony.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.AttributeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphProjectionFileTest {
  @TempDir
  Path dir;

  @Test
  void readsNodesRelationshipsAndTheirProperties() throws IOException {
    Path file = write("p.yaml", """
        nodes:
          - type: track
            label: Track
            features: features
            featureColumns: [energy, tempo]
            attributes: {popularity: int, release_date: DATE}
          - type: playlist
            label: Playlist
            id: pid
        relationships:
          - relation: contains
            type: CONTAINS
            source: playlist
            target: track
            weight: weight
        """);

    GraphProjection p = GraphProjectionFile.load(file);

    Map<String, AttributeKind> attributes = new LinkedHashMap<>();
    attributes.put("popularity", AttributeKind.INT);
    attributes.put("release_date", AttributeKind.DATE);
    assertThat(p).isEqualTo(new GraphProjection(List.of(
        new GraphProjection.NodeProjection("track", "Track", "id", "features", List.of("energy", "tempo"),
            attributes),
        new GraphProjection.NodeProjection("playlist", "Playlist", "pid", null, List.of(), Map.of())),
        List.of(new GraphProjection.RelationshipProjection("contains", "CONTAINS", "playlist", "track", "weight",
            null))));
    assertThat(p.nodes().get(0).attributes().keySet()).containsExactly("popularity", "release_date");
  }

  @Test
  void problemsNameTheFileAndTheKey() throws IOException {
    assertThatThrownBy(() -> GraphProjectionFile.load(write("a.yaml", """
        nodes:
          - type: track
            label: "Track`) DETACH DELETE n //"
        """))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.yaml: nodes[0]: label must be a letter");
    assertThatThrownBy(() -> GraphProjectionFile.load(write("b.yaml", """
        nodes:
          - type: track
            label: Track
            colour: red
        """))).hasMessageContaining("b.yaml: nodes[0]: unknown key 'colour'");
    assertThatThrownBy(() -> GraphProjectionFile.load(write("c.json", """
        {"nodes": [{"type": "track", "label": "Track", "attributes": {"year": "integer"}}]}
        """))).hasMessageContaining("c.json: nodes[0]: attribute 'year' must be int, float, string or date "
        + "(got 'integer')");
    assertThatThrownBy(() -> GraphProjectionFile.load(write("d.yaml", """
        nodes:
          - type: track
            label: Track
        relationships:
          - relation: by
            type: BY
            source: track
        """))).hasMessageContaining("d.yaml: relationships[0]: 'target' is missing");
    assertThatThrownBy(() -> GraphProjectionFile.load(write("e.yaml", """
        nodes:
          - type: track
            label: Track
        relationships:
          - {relation: by, type: BY, source: track, target: artist}
        """))).hasMessageContaining("e.yaml: relation 'by' joins node types 'track' and 'artist'");
    assertThatThrownBy(() -> GraphProjectionFile.load(write("f.txt", "nodes: []")))
        .hasMessageContaining("must end in .yaml, .yml or .json");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
