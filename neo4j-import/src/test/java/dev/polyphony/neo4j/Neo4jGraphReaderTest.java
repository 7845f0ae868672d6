package dev.polyphony.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.Reject;
import dev.polyphony.graph.io.RejectReason;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

class Neo4jGraphReaderTest {
  @TempDir
  static Path home;
  static Neo4jTarget target;

  @BeforeAll
  static void start() {
    target = Neo4jTestDatabase.open(home.resolve("db"));
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  @BeforeEach
  void wipe() {
    Neo4jTestDatabase.wipe(target);
  }

  @Test
  void catalogRoundTripsThroughNeo4jUnchanged() {
    HeteroGraph graph = TestGraphs.catalog();
    GraphMapping mapping = GraphMapping.conventional(graph.schema());
    new GraphImporter(target, GraphImportConfig.defaults()).importGraph(graph, ProgressTracker.NONE);

    IngestResult read = new Neo4jGraphReader(target).read(GraphProjection.of(graph, mapping), new RejectReport(),
        ProgressTracker.NONE);

    assertThat(read.rejects().total()).isZero();
    assertThat(read.rowsRead()).isEqualTo(7 + 9);
    assertThat(read.graph()).isEqualTo(graph);
  }

  @Test
  void syntheticCatalogRoundTripsThroughASnapshotFileWithTheSameEdgesAndFeatures(@TempDir Path dir)
      throws Exception {
    HeteroGraph graph = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(800).playlists(40)
        .creators(50).users(30).genres(3).meanPlaylistLength(20).listensPerUser(8).seed(3).build());
    Path file = dir.resolve("catalog.snap");
    GraphSnapshot.write(graph, file);
    HeteroGraph fromFile = GraphSnapshot.read(file);
    Neo4jConnection embedded = Neo4jConnection.embedded(new EmbeddedNeo4jConfig(dir.resolve("neo4j"), 0, 32L << 20));
    Neo4jBridge bridge = new Neo4jBridge(embedded);
    bridge.importSnapshot(file, GraphImportConfig.defaults(), ProgressTracker.NONE);
    Path out = dir.resolve("back.snap");

    IngestResult read = bridge.readToSnapshot(GraphProjection.of(graph, GraphMapping.conventional(graph.schema())),
        out, new RejectReport(), ProgressTracker.NONE);
    HeteroGraph back = GraphSnapshot.read(out);

    assertThat(read.rejects().total()).isZero();
    assertThat(back).isEqualTo(read.graph());
    for (NodeType t : graph.schema().nodeTypes()) {
      assertThat(back.nodeCount(t)).isEqualTo(fromFile.nodeCount(t));
      assertThat(featuresById(back, t)).isEqualTo(featuresById(fromFile, t));
    }
    for (EdgeType e : graph.schema().edgeTypes()) {
      assertThat(back.edgeCount(e)).isEqualTo(fromFile.edgeCount(e));
      assertThat(edgesById(back, e)).isEqualTo(edgesById(fromFile, e));
    }
  }

  @Test
  void rowsThatCannotBeUsedAreRejectedWithLabelRowAndProperty() {
    try (Session s = target.session()) {
      s.run("CREATE (:Song {key: 's1', vec: [1.0, 2.0], year: 2001}), (:Song {key: 's2', vec: [1.0]}), "
          + "(:Song {vec: [0.0, 0.0]}), (:Song {key: 's4', vec: [3.0, 4.0], year: 'late'}), "
          + "(:Song {key: 's1', vec: [1.0, 2.0], year: 2001}), (:Song {key: 's5', vec: [7.0, 8.0]})").consume();
      s.run("MATCH (a:Song {key: 's1'}), (b:Song {key: 's5'}) CREATE (a)-[:NEXT]->(b), (b)-[:NEXT]->(a)")
          .consume();
      s.run("MATCH (a:Song {key: 's2'}), (b:Song {key: 's5'}) CREATE (a)-[:NEXT]->(b)").consume();
    }
    GraphProjection projection = new GraphProjection(
        List.of(new GraphProjection.NodeProjection("song", "Song", "key", "vec", List.of("x", "y"),
            Map.of("year", AttributeKind.INT))),
        List.of(GraphProjection.RelationshipProjection.of("next", "NEXT", "song", "song")));

    IngestResult read = new Neo4jGraphReader(target).read(projection, new RejectReport(), ProgressTracker.NONE);

    NodeType song = read.graph().schema().nodeType("song");
    assertThat(read.graph().ids(song).externalIds()).containsExactly("s1", "s5");
    assertThat(read.graph().features(song).orElseThrow().row(1)).containsExactly(7f, 8f);
    assertThat(read.graph().attributes(song).column("year").getInt(0)).isEqualTo(2001);
    assertThat(read.graph().attributes(song).column("year").isNull(1)).isTrue();
    assertThat(read.graph().edgeCount(read.graph().schema().edgeType("next"))).isEqualTo(2);
    assertThat(read.rejects().rejects()).extracting(Reject::reason).containsExactlyInAnyOrder(
        RejectReason.MISSING_FIELD, RejectReason.OUT_OF_RANGE, RejectReason.MALFORMED_ROW,
        RejectReason.CONFLICTING_DUPLICATE_NODE, RejectReason.DANGLING_REFERENCE);
    assertThat(read.rejects().rejects()).allSatisfy(r -> assertThat(r.file()).startsWith("neo4j:"));
    assertThat(read.rejects().rejects()).filteredOn(r -> r.reason() == RejectReason.MALFORMED_ROW)
        .singleElement().satisfies(r -> {
          assertThat(r.file()).isEqualTo("neo4j:(:Song)");
          assertThat(r.field()).isEqualTo("year");
          assertThat(r.detail()).contains("s4");
        });
  }

  private static Map<String, List<Float>> featuresById(HeteroGraph g, NodeType t) {
    Map<String, List<Float>> m = new TreeMap<>();
    g.features(t).ifPresent(f -> {
      for (int i = 0; i < g.nodeCount(t); i++) {
        float[] row = f.row(i);
        List<Float> values = new ArrayList<>();
        for (float v : row) {
          values.add(v);
        }
        m.put(g.ids(t).externalId(i), values);
      }
    });
    return m;
  }

  private static Map<String, String> edgesById(HeteroGraph g, EdgeType e) {
    Map<String, String> m = new TreeMap<>();
    CsrAdjacency out = g.out(e);
    for (int u = 0; u < out.rowCount(); u++) {
      for (int p = out.start(u); p < out.end(u); p++) {
        String w = out.hasWeights() ? Float.toString(out.weight(p)) : "";
        String ts = out.hasTimestamps() ? Long.toString(out.timestamp(p)) : "";
        m.put(g.ids(e.src()).externalId(u) + "->" + g.ids(e.dst()).externalId(out.target(p)), w + "@" + ts);
      }
    }
    return m;
  }
}
