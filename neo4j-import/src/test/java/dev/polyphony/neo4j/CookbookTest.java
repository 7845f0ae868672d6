package dev.polyphony.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.synth.SyntheticSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Runs every Cypher block of {@code docs/neo4j.md} against the imported test catalog, and checks the
 * explorer's canned queries on it with exact answers.
 */
class CookbookTest {
  private static final Pattern CYPHER_BLOCK = Pattern.compile("```cypher\\n(.*?)```", Pattern.DOTALL);
  private static final Map<String, Object> PARAMS = Map.of("trackId", "t2", "artistId", "a1", "playlistId", "p1",
      "userId", "u1", "limit", 10, "maxPopularity", 20);

  @TempDir
  static Path home;
  static Neo4jTarget target;

  @BeforeAll
  static void start() {
    target = Neo4jTestDatabase.open(home);
    // The test catalog plus a second artist on t3, so that artist-to-artist queries have an answer.
    HeteroGraphBuilder b = TestGraphs.catalogBuilder();
    b.addEdge(TestGraphs.BY_ARTIST, b.nodeIndex(TestGraphs.TRACK, "t3"), b.addNode(TestGraphs.ARTIST, "a2"));
    new GraphImporter(target, GraphImportConfig.defaults()).importGraph(b.build(), ProgressTracker.NONE);
    // Embeddings of the three tracks with their vector index, for the similar-tracks queries.
    EmbeddingTable tracks = new EmbeddingTable("track", List.of("t1", "t2", "t3"), 2,
        new float[] {1f, 0f, 0.6f, 0.8f, 0f, 1f}, EmbeddingMetadata.of("cookbook", Metric.COSINE,
        Normalization.NONE, Instant.EPOCH));
    EmbeddingWriteConfig config = EmbeddingWriteConfig.forTable(tracks);
    new EmbeddingWriter(target).write(tracks, config, ProgressTracker.NONE);
    new VectorIndexes(target).ensure(new VectorIndexSpec(VectorIndexSpec.defaultName("Track", "embedding"), "Track",
        "embedding", 2, VectorSimilarity.COSINE), Duration.ofMinutes(2));
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  @Test
  void everyCookbookQueryRunsAndAnswers() throws IOException {
    Path doc = Path.of("..", "docs", "neo4j.md");
    Matcher m = CYPHER_BLOCK.matcher(Files.readString(doc));
    List<String> queries = new ArrayList<>();
    while (m.find()) {
      queries.add(m.group(1));
    }
    assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
    try (Session s = target.session()) {
      for (String q : queries) {
        List<Record> rows = s.run(q, PARAMS).list();
        assertThat(rows).as("answer of%n%s", q).isNotEmpty();
      }
      Record tail = s.run(queries.stream().filter(q -> q.contains("$maxPopularity")).findFirst().orElseThrow(),
          PARAMS).single();
      assertThat(tail.get("artist").asString()).isEqualTo("a2");
      assertThat(tail.get("popularity").asDouble()).isEqualTo(0.0);
      List<Record> similar = s.run(queries.stream().filter(q -> q.contains("queryNodes")).findFirst().orElseThrow(),
          PARAMS).list();
      assertThat(similar).extracting(r -> r.get("track").asString()).containsExactly("t3", "t1");
    }
  }

  @Test
  void coOccurringTracksAreRankedBySharedPlaylists() {
    ResultTable table = new Neo4jExplorer(target, GraphMapping.conventional(TestGraphs.SCHEMA))
        .coOccurring(TestGraphs.CONTAINS, "t2", 10);
    assertThat(table.columns()).containsExactly("id", "shared");
    assertThat(table.column("id")).containsExactly("t1", "t3");
    assertThat(table.column("shared")).containsExactly(1L, 1L);
    assertThat(table.format()).isEqualTo("""
        id  shared
        --  ------
        t1  1
        t3  1
        """);
  }

  @Test
  void neighbourhoodCountsNeighboursPerTypeAndDirection() {
    ResultTable table = new Neo4jExplorer(target, GraphMapping.conventional(TestGraphs.SCHEMA))
        .neighbourhood(TestGraphs.TRACK, "t1", 5);
    assertThat(table.rows()).containsExactly(
        List.of("BY_ARTIST", "out", "Artist", 1L, List.of("a1")),
        List.of("CONTAINS", "in", "Playlist", 1L, List.of("p1")),
        List.of("LISTENED", "in", "User", 1L, List.of("u1")));
    assertThat(SyntheticSchema.CONTAINS.relation()).isEqualTo(TestGraphs.CONTAINS.relation());
  }

  @Test
  void similarTracksComeFromTheVectorIndex() {
    ResultTable table = new Neo4jExplorer(target).similar("Track", "embedding", "t1", 2, 10);
    assertThat(table.column("id")).containsExactly("t2", "t3");
  }

  @Test
  void summaryCountsNodesPerLabelAndRelationshipsPerTypeWithoutBookkeeping() {
    ResultTable table = new Neo4jExplorer(target).summary();
    assertThat(table.rows()).containsExactly(
        List.of("node", "Artist", 2L), List.of("node", "Playlist", 2L), List.of("node", "Track", 3L),
        List.of("node", "User", 1L),
        List.of("relationship", "BY_ARTIST", 4L), List.of("relationship", "CONTAINS", 4L),
        List.of("relationship", "LISTENED", 2L));
  }

  @Test
  void labelQueriesRefuseNamesThatCouldInjectCypher() {
    Neo4jExplorer explorer = new Neo4jExplorer(target);
    assertThatThrownBy(() -> explorer.neighbourhood("Track`) DETACH DELETE n //", "t1", 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label must be a letter");
    assertThatThrownBy(() -> explorer.coOccurring("Playlist", "CONTAINS]->() DELETE x //", "Track", "t1", 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relationship type must be a letter");
    assertThat(explorer.neighbourhood("Track", "t1' OR 1=1 //", 5).rows()).isEmpty();
    assertThatThrownBy(() -> new Neo4jExplorer(target).coOccurring(TestGraphs.CONTAINS, "t1", 5))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no graph mapping");
  }
}
