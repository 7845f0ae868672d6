package dev.polyphony.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.RejectReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

class OfflineGraphImporterTest {
  @TempDir
  Path dir;

  private static EmbeddedNeo4jConfig embedded(Path home) {
    return new EmbeddedNeo4jConfig(home, 0, 32L << 20);
  }

  @Test
  void writesTheDatabaseTheOnlineImportWritesAndRecordsItComplete() throws Exception {
    HeteroGraph graph = TestGraphs.catalog();
    Path home = dir.resolve("neo4j");

    GraphImportResult r = new OfflineGraphImporter(embedded(home), 2).importGraph(graph, ProgressTracker.NONE);

    assertThat(r.method()).isEqualTo(ImportMethod.OFFLINE);
    assertThat(r.nodesWritten()).isEqualTo(Map.of("Track", 3L, "Playlist", 2L, "Artist", 1L, "User", 1L));
    assertThat(r.relationshipsCreated()).isEqualTo(Map.of("CONTAINS", 4L, "BY_ARTIST", 3L, "LISTENED", 2L));
    assertThat(home.resolve(OfflineGraphImporter.MARKER)).doesNotExist();
    assertThat(home.resolve("offline-import")).doesNotExist();
    try (Neo4jTarget target = Neo4jTarget.open(Neo4jConnection.embedded(embedded(home)))) {
      IngestResult back = new Neo4jGraphReader(target).read(GraphProjection.of(graph,
          GraphMapping.conventional(graph.schema())), new RejectReport(), ProgressTracker.NONE);
      assertThat(back.rejects().total()).isZero();
      assertThat(back.graph()).isEqualTo(graph);
      try (Session s = target.session()) {
        assertThat(s.run("SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'polyphony_' RETURN name ORDER BY name")
            .list(x -> x.get(0).asString())).contains("polyphony_Artist_id", "polyphony_Playlist_id",
            "polyphony_Track_id", "polyphony_User_id");
        assertThat(s.run("MATCH (t:Track {id: 't1'}) RETURN valueType(t.release_date), valueType(t.features)")
            .single().values()).extracting(v -> v.asString()).containsExactly("DATE NOT NULL",
            "LIST<FLOAT NOT NULL> NOT NULL");
      }
      GraphImportResult online = new GraphImporter(target, GraphImportConfig.defaults())
          .importGraph(graph, ProgressTracker.NONE);
      assertThat(online.alreadyComplete()).isTrue();
    }
  }

  @Test
  void idsWithQuotesCommasAndLineBreaksArriveUnchanged() throws Exception {
    NodeType a = NodeType.of("a");
    EdgeType link = EdgeType.of(a, "link", a);
    HeteroGraphBuilder b = new HeteroGraphBuilder(new GraphSchema(List.of(a), List.of(link)));
    String odd = "x\", 'y'\nz";
    b.addEdge(link, b.addNode(a, odd), b.addNode(a, "plain"));
    Path home = dir.resolve("odd");

    new OfflineGraphImporter(embedded(home), 1).importGraph(b.build(), ProgressTracker.NONE);

    try (Neo4jTarget target = Neo4jTarget.open(Neo4jConnection.embedded(embedded(home)));
        Session s = target.session()) {
      assertThat(s.run("MATCH (x:A {id: $id})-[:LINK]->(y:A) RETURN y.id", Map.of("id", odd)).single().get(0)
          .asString()).isEqualTo("plain");
    }
  }

  @Test
  void aHomeThatAlreadyHasADatabaseIsRefused() {
    Path home = dir.resolve("used");
    Neo4jTarget.open(Neo4jConnection.embedded(embedded(home))).close();

    assertThatThrownBy(() -> new OfflineGraphImporter(embedded(home), 1).importGraph(TestGraphs.catalog(),
        ProgressTracker.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already has a database; the offline importer only writes a fresh one");
  }

  @Test
  void whatAnInterruptedOfflineImportLeftIsReplaced() throws Exception {
    Path home = dir.resolve("interrupted");
    try (Neo4jTarget target = Neo4jTarget.open(Neo4jConnection.embedded(embedded(home)));
        Session s = target.session()) {
      s.run("CREATE (:Track {id: 'half-written'})").consume();
    }
    Files.writeString(home.resolve(OfflineGraphImporter.MARKER), "earlier run\n");

    new OfflineGraphImporter(embedded(home), 1).importGraph(TestGraphs.catalog(), ProgressTracker.NONE);

    try (Neo4jTarget target = Neo4jTarget.open(Neo4jConnection.embedded(embedded(home)));
        Session s = target.session()) {
      assertThat(s.run("MATCH (t:Track) RETURN count(t)").single().get(0).asLong()).isEqualTo(3);
    }
    assertThat(home.resolve(OfflineGraphImporter.MARKER)).doesNotExist();
  }
}
