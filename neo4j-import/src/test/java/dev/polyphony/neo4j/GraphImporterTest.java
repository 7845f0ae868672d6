package dev.polyphony.neo4j;

import static dev.polyphony.neo4j.Neo4jTestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;

class GraphImporterTest {
  @TempDir
  static Path home;
  static Neo4jTarget target;

  @BeforeAll
  static void start() {
    target = Neo4jTestDatabase.open(home);
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  @BeforeEach
  void wipe() {
    Neo4jTestDatabase.wipe(target);
  }

  private static GraphImporter importer(GraphImportConfig config) {
    return new GraphImporter(target, config);
  }

  @ParameterizedTest(name = "procedures {0}")
  @ValueSource(booleans = {true, false})
  void importsExactNodesRelationshipsAndProperties(boolean procedures) {
    GraphImportResult result = importer(GraphImportConfig.defaults().withProcedures(procedures))
        .importGraph(TestGraphs.catalog(), ProgressTracker.NONE);

    assertThat(result.method()).isEqualTo(procedures ? ImportMethod.PROCEDURE : ImportMethod.CYPHER);
    assertThat(result.alreadyComplete()).isFalse();
    assertThat(result.nodesWritten()).isEqualTo(Map.of("Track", 3L, "Playlist", 2L, "Artist", 1L, "User", 1L));
    assertThat(result.nodesCreated()).isEqualTo(7);
    assertThat(result.relationshipsCreated()).isEqualTo(Map.of("CONTAINS", 4L, "BY_ARTIST", 3L, "LISTENED", 2L));
    assertThat(count(target, "MATCH (n:Track) RETURN count(n)")).isEqualTo(3);
    assertThat(count(target, "MATCH (n:Playlist) RETURN count(n)")).isEqualTo(2);
    assertThat(count(target, "MATCH (n:Artist) RETURN count(n)")).isEqualTo(1);
    assertThat(count(target, "MATCH (n:User) RETURN count(n)")).isEqualTo(1);
    assertThat(edges("CONTAINS")).containsExactly("p1->t1", "p1->t2", "p2->t2", "p2->t3");
    assertThat(edges("BY_ARTIST")).containsExactly("t1->a1", "t2->a1", "t3->a1");
    assertThat(edges("LISTENED")).containsExactly("u1->t1", "u1->t3");

    try (Session s = target.session()) {
      Node t1 = s.run("MATCH (t:Track {id: 't1'}) RETURN t").single().get(0).asNode();
      assertThat(t1.get("features").asList(v -> v.asDouble())).containsExactly(0.5, 120.0);
      assertThat(t1.get("release_date").asLocalDate()).isEqualTo(LocalDate.of(2020, 2, 29));
      assertThat(t1.get("popularity").asLong()).isEqualTo(71);
      assertThat((float) t1.get("margin").asDouble()).isEqualTo(0.1f);
      assertThat(t1.get("genre").asString()).isEqualTo("rock");
      assertThat(s.run("MATCH (t:Track {id: 't1'}) RETURN valueType(t.release_date)").single().get(0).asString())
          .startsWith("DATE");
      Node t3 = s.run("MATCH (t:Track {id: 't3'}) RETURN t").single().get(0).asNode();
      assertThat(t3.keys()).containsExactlyInAnyOrder("id", "features", "release_date", "popularity", "margin");
      Node p1 = s.run("MATCH (p:Playlist {id: 'p1'}) RETURN p").single().get(0).asNode();
      assertThat(p1.keys()).containsExactly("id");
      Relationship listened = s.run("MATCH (:User {id: 'u1'})-[r:LISTENED]->(:Track {id: 't1'}) RETURN r")
          .single().get(0).asRelationship();
      assertThat(listened.get("weight").asDouble()).isEqualTo(3.0);
      assertThat(listened.get("timestamp").asLong()).isEqualTo(1_000L);
      assertThat(s.run("MATCH (:User)-[l:LISTENED]->() RETURN valueType(l.weight) + ' ' + valueType(l.timestamp)")
          .list(r -> r.get(0).asString())).containsOnly("FLOAT NOT NULL INTEGER NOT NULL");
      Relationship contains = s.run("MATCH (:Playlist {id: 'p1'})-[r:CONTAINS]->(:Track {id: 't1'}) RETURN r")
          .single().get(0).asRelationship();
      assertThat(contains.keys()).isEmpty();
      assertThat(s.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties WHERE 'Track' IN labelsOrTypes "
          + "RETURN properties").single().get(0).asList()).containsExactly("id");
    }
  }

  @Test
  void reimportingAFinishedImportWritesNothing() {
    HeteroGraph graph = TestGraphs.catalog();
    GraphImportResult first = importer(GraphImportConfig.defaults()).importGraph(graph, ProgressTracker.NONE);
    GraphImportResult second = importer(GraphImportConfig.defaults()).importGraph(graph, ProgressTracker.NONE);

    assertThat(second.alreadyComplete()).isTrue();
    assertThat(second.graph()).isEqualTo(first.graph());
    assertThat(second.totalRelationshipsCreated()).isZero();
    assertThat(count(target, "MATCH (n) WHERE NOT n:PolyphonyImport RETURN count(n)")).isEqualTo(7);
    assertThat(count(target, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(9);
    assertThat(count(target, "MATCH (i:PolyphonyImport {state: 'complete'}) RETURN count(i)")).isEqualTo(1);
    assertThat(count(target, "MATCH (b:PolyphonyImportBatch) RETURN count(b)")).isZero();
  }

  @Test
  void importKilledMidwayResumesWithExactCounts() {
    HeteroGraph graph = smallSynthetic();
    GraphImportConfig config = GraphImportConfig.defaults().withBatchSizes(100, 250);
    AtomicInteger batches = new AtomicInteger();
    ProgressTracker crashAfter30 = new CountingTracker(() -> {
      if (batches.incrementAndGet() == 30) {
        throw new IllegalStateException("simulated crash");
      }
    });

    assertThatThrownBy(() -> importer(config).importGraph(graph, crashAfter30))
        .isInstanceOf(GraphImportException.class)
        .hasMessageContaining("simulated crash")
        .hasMessageContaining("run the same import again to resume");
    long partial = count(target, "MATCH ()-[r]->() RETURN count(r)");
    assertThat(partial).isGreaterThan(0).isLessThan(graph.edgeCount());
    assertThat(count(target, "MATCH (b:PolyphonyImportBatch) RETURN count(b)")).isGreaterThanOrEqualTo(30);

    GraphImportResult resumed = importer(config).importGraph(graph, ProgressTracker.NONE);

    assertThat(resumed.batchesSkipped()).isGreaterThanOrEqualTo(30);
    assertThat(resumed.totalRelationshipsCreated()).isEqualTo(graph.edgeCount() - partial);
    assertExactlyImported(graph);
  }

  @Test
  void importWhoseConnectionDiesResumesWithANewConnection() {
    HeteroGraph graph = smallSynthetic();
    GraphImportConfig config = GraphImportConfig.defaults().withBatchSizes(200, 300);
    Driver doomed = GraphDatabase.driver(target.uri());
    AtomicInteger batches = new AtomicInteger();
    ProgressTracker closeDriver = new CountingTracker(() -> {
      if (batches.incrementAndGet() == 30) {
        doomed.close();
      }
    });

    assertThatThrownBy(() -> new GraphImporter(doomed, target.sessionConfig(), config)
        .importGraph(graph, closeDriver))
        .isInstanceOf(GraphImportException.class)
        .hasMessageContaining("run the same import again to resume");

    GraphImportResult resumed = importer(config).importGraph(graph, ProgressTracker.NONE);
    assertThat(resumed.batchesSkipped()).isGreaterThan(0);
    assertExactlyImported(graph);
  }

  @Test
  void resumedImportKeepsTheLayoutOfItsFirstRun() {
    HeteroGraph graph = smallSynthetic();
    AtomicInteger batches = new AtomicInteger();
    ProgressTracker crash = new CountingTracker(() -> {
      if (batches.incrementAndGet() == 25) {
        throw new IllegalStateException("simulated crash");
      }
    });
    GraphImportConfig first = GraphImportConfig.defaults().withBatchSizes(100, 250);
    assertThatThrownBy(() -> importer(first).importGraph(graph, crash)).isInstanceOf(GraphImportException.class);

    GraphImportResult resumed = importer(first.withBatchSizes(1000, 4000).withConcurrency(1))
        .importGraph(graph, ProgressTracker.NONE);

    assertThat(resumed.layout()).isEqualTo(first.layout());
    assertExactlyImported(graph);
  }

  @ParameterizedTest(name = "procedures {0}")
  @ValueSource(booleans = {true, false})
  void sequentialAndParallelImportsWriteTheSameGraph(boolean procedures) {
    HeteroGraph graph = smallSynthetic();
    importer(GraphImportConfig.defaults().withProcedures(procedures).withConcurrency(1))
        .importGraph(graph, ProgressTracker.NONE);
    assertExactlyImported(graph);
    Neo4jTestDatabase.wipe(target);
    importer(GraphImportConfig.defaults().withProcedures(procedures).withConcurrency(3).withBatchSizes(50, 70))
        .importGraph(graph, ProgressTracker.NONE);
    assertExactlyImported(graph);
  }

  @Test
  void importWithoutTheProcedureOnTheServerFallsBackToCypher() {
    // MERGE batches never use the procedure, which only creates.
    GraphImportResult result = importer(GraphImportConfig.defaults()
        .withRelationshipMode(RelationshipWriteMode.MERGE)).importGraph(TestGraphs.catalog(), ProgressTracker.NONE);
    assertThat(result.method()).isEqualTo(ImportMethod.CYPHER);
    assertThat(count(target, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(9);
  }

  @Test
  void relationshipProcedureRefusesBadArgumentsAndRollsBack() {
    long a;
    try (Session s = target.session()) {
      a = s.run("CREATE (n:A {id: 'a'}) RETURN id(n)").single().get(0).asLong();
    }
    String call = "CALL " + ImportProcedures.CREATE_RELATIONSHIPS + "($type, $s, $d, $p) YIELD created RETURN created";
    assertThatThrownBy(() -> run(call, Map.of("type", "LINK`]->() DETACH DELETE n //", "s", List.of(a),
        "d", List.of(a), "p", Map.of()))).hasMessageContaining("relationship type must be a letter");
    assertThatThrownBy(() -> run(call, Map.of("type", "LINK", "s", List.of(a, a), "d", List.of(a), "p", Map.of())))
        .hasMessageContaining("targets must be as long as sources (got 1 and 2)");
    assertThatThrownBy(() -> run(call, Map.of("type", "LINK", "s", List.of(a, a), "d", List.of(a, a),
        "p", Map.of("weight", List.of(1.0))))).hasMessageContaining("property 'weight' must be a list of 2 values");
    assertThatThrownBy(() -> run(call, Map.of("type", "LINK", "s", List.of(a, a), "d", List.of(a, a + 1_000_000),
        "p", Map.of()))).hasMessageContaining(Long.toString(a + 1_000_000));
    assertThat(count(target, "MATCH ()-[r]->() RETURN count(r)")).isZero();

    assertThat(run(call, Map.of("type", "LINK", "s", List.of(a, a), "d", List.of(a, a),
        "p", Map.of("weight", List.of(0.5, 2.0), "timestamp", java.util.Arrays.asList(7L, null))))).isEqualTo(2);
    assertThat(count(target, "MATCH (:A)-[r:LINK]->(:A) RETURN toInteger(sum(r.weight) * 10)")).isEqualTo(25);
    assertThat(count(target, "MATCH (:A)-[r:LINK]->(:A) WHERE r.timestamp IS NULL RETURN count(r)")).isEqualTo(1);
  }

  private static long run(String cypher, Map<String, Object> params) {
    try (Session s = target.session()) {
      return s.executeWrite(tx -> tx.run(cypher, params).single().get(0).asLong());
    }
  }

  @Test
  void mergeModeAddsOnlyMissingRelationshipsOfAGrownGraph() {
    importer(GraphImportConfig.defaults()).importGraph(TestGraphs.catalog(), ProgressTracker.NONE);
    HeteroGraphBuilder grown = TestGraphs.catalogBuilder();
    int p3 = grown.addNode(TestGraphs.PLAYLIST, "p3");
    grown.addEdge(TestGraphs.CONTAINS, p3, grown.nodeIndex(TestGraphs.TRACK, "t1"));

    GraphImportResult result = importer(GraphImportConfig.defaults()
        .withRelationshipMode(RelationshipWriteMode.MERGE)).importGraph(grown.build(), ProgressTracker.NONE);

    assertThat(result.relationshipsCreated()).isEqualTo(Map.of("CONTAINS", 1L, "BY_ARTIST", 0L, "LISTENED", 0L));
    assertThat(result.nodesCreated()).isEqualTo(1);
    assertThat(count(target, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(10);
    assertThat(count(target, "MATCH (n:Playlist) RETURN count(n)")).isEqualTo(3);
  }

  @Test
  void idsThatLookLikeCypherAreStoredAsPlainValues() {
    NodeType a = NodeType.of("a");
    EdgeType link = EdgeType.of(a, "link", a);
    HeteroGraphBuilder b = new HeteroGraphBuilder(new GraphSchema(List.of(a), List.of(link)));
    String evil = "x'}) MATCH (m) DETACH DELETE m //";
    String backtick = "y` {id: 1}) DETACH DELETE n //";
    b.addEdge(link, b.addNode(a, evil), b.addNode(a, backtick));

    importer(GraphImportConfig.defaults()).importGraph(b.build(), ProgressTracker.NONE);

    assertThat(count(target, "MATCH (n:A {id: $id}) RETURN count(n)", Map.of("id", evil))).isEqualTo(1);
    assertThat(count(target, "MATCH (:A {id: $s})-[:LINK]->(:A {id: $d}) RETURN count(*)",
        Map.of("s", evil, "d", backtick))).isEqualTo(1);
  }

  @Test
  void namesThatCouldInjectCypherAreRejectedBeforeAnyWrite() {
    HeteroGraph graph = TestGraphs.catalog();
    GraphMapping conventional = GraphMapping.conventional(graph.schema());
    Map<String, String> labels = new HashMap<>(conventional.labels());
    labels.put("track", "Track`) DETACH DELETE n //");

    assertThatThrownBy(() -> new GraphMapping(graph.schema(), labels, conventional.relationshipTypes(), "features"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label must be a letter");

    HeteroGraphBuilder b = TestGraphs.catalogBuilder();
    b.attribute(TestGraphs.TRACK, "x` = 1 DETACH DELETE n //", AttributeKind.INT).setInt(0, 1);
    HeteroGraph withBadAttribute = b.build();
    assertThatThrownBy(() -> importer(GraphImportConfig.defaults()).importGraph(withBadAttribute,
        ProgressTracker.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute 'x` = 1 DETACH DELETE n //'");
    assertThat(count(target, "MATCH (n) RETURN count(n)")).isZero();
  }

  @Test
  void attributeNamedLikeAReservedPropertyIsRejected() {
    HeteroGraphBuilder b = TestGraphs.catalogBuilder();
    b.attribute(TestGraphs.TRACK, "id", AttributeKind.STRING).setString(0, "other");
    HeteroGraph graph = b.build();
    assertThatThrownBy(() -> importer(GraphImportConfig.defaults()).importGraph(graph, ProgressTracker.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would overwrite the node property 'id'");
  }

  private static HeteroGraph smallSynthetic() {
    return SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(1_500).playlists(60)
        .creators(100).users(80).genres(4).meanPlaylistLength(30).listensPerUser(12).seed(7).build());
  }

  /** Every node and relationship of {@code graph} exactly once, and no leftover batch markers. */
  private static void assertExactlyImported(HeteroGraph graph) {
    GraphMapping mapping = GraphMapping.conventional(graph.schema());
    for (NodeType t : graph.schema().nodeTypes()) {
      assertThat(count(target, "MATCH (n:" + mapping.quotedLabel(t) + ") RETURN count(n)"))
          .as("nodes of %s", t).isEqualTo(graph.nodeCount(t));
    }
    for (EdgeType e : graph.schema().edgeTypes()) {
      String type = mapping.quotedRelationshipType(e);
      assertThat(count(target, "MATCH ()-[r:" + type + "]->() RETURN count(r)"))
          .as("relationships of %s", e).isEqualTo(graph.edgeCount(e));
      assertThat(count(target, "MATCH (a)-[r:" + type + "]->(b) WITH a, b, count(r) AS c WHERE c > 1 "
          + "RETURN count(*)")).as("duplicates of %s", e).isZero();
    }
    assertThat(count(target, "MATCH (b:PolyphonyImportBatch) RETURN count(b)")).isZero();
  }

  private static TreeSet<String> edges(String type) {
    try (Session s = target.session()) {
      TreeSet<String> edges = new TreeSet<>();
      for (Record r : s.run("MATCH (a)-[:" + type + "]->(b) RETURN a.id + '->' + b.id").list()) {
        edges.add(r.get(0).asString());
      }
      return edges;
    }
  }

  /** Runs {@code onBatch} after every committed batch. */
  private static final class CountingTracker implements ProgressTracker {
    private final Runnable onBatch;

    CountingTracker(Runnable onBatch) {
      this.onBatch = onBatch;
    }

    @Override
    public void begin(String stage, long totalSteps) {}

    @Override
    public void step(long steps) {
      onBatch.run();
    }

    @Override
    public void end() {}
  }
}
