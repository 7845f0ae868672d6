package dev.polyphony.neo4j;

import static dev.polyphony.neo4j.Neo4jTestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.ProgressTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

class EmbeddingWriterTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

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
  void importCatalog() {
    Neo4jTestDatabase.wipe(target);
    try (Session s = target.session()) {
      s.run("SHOW INDEXES YIELD name, type WHERE type = 'VECTOR' RETURN name").list()
          .forEach(r -> s.run("DROP INDEX `" + r.get(0).asString() + "`").consume());
    }
    new GraphImporter(target, GraphImportConfig.defaults()).importGraph(TestGraphs.catalog(), ProgressTracker.NONE);
  }

  /** t1 and t2 point the same way, t3 the opposite way; tX has no node. */
  private static EmbeddingTable tracks() {
    return new EmbeddingTable("track", List.of("t1", "tX", "t2", "t3"), 3,
        new float[] {1f, 0f, 0f, 9f, 9f, 9f, 0.8f, 0.6f, 0f, -1f, 0.1f, 0f},
        EmbeddingMetadata.of("model-7", Metric.COSINE, Normalization.NONE, Instant.parse("2024-05-01T00:00:00Z")));
  }

  @Test
  void writesEachRowToTheNodeWithItsIdAndReportsRowsWithoutNode() {
    EmbeddingWriteResult r = new EmbeddingWriter(target).write(tracks(),
        EmbeddingWriteConfig.forTable(tracks()).withBatchSize(2), ProgressTracker.NONE);

    assertThat(r.label()).isEqualTo("Track");
    assertThat(r.property()).isEqualTo("embedding");
    assertThat(r.rows()).isEqualTo(4);
    assertThat(r.written()).isEqualTo(3);
    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.missingIds()).containsExactly("tX");
    assertThat(vector("t2")).containsExactly((double) 0.8f, (double) 0.6f, 0.0);
    assertThat(vector("t3")).containsExactly(-1.0, (double) 0.1f, 0.0);
    assertThat(count(target, "MATCH (n:Track) WHERE n.embedding IS NOT NULL RETURN count(n)")).isEqualTo(3);
    try (Session s = target.session()) {
      Record m = s.run("MATCH (e:PolyphonyEmbeddings {label: 'Track', property: 'embedding'}) RETURN e").single();
      assertThat(m.get(0).get("modelHash").asString()).isEqualTo("model-7");
      assertThat(m.get(0).get("metric").asString()).isEqualTo("cosine");
      assertThat(m.get(0).get("dimension").asInt()).isEqualTo(3);
      assertThat(m.get(0).get("written").asInt()).isEqualTo(3);
      assertThat(s.run("MATCH (t:Track {id: 't1'}) RETURN valueType(t.embedding)").single().get(0).asString())
          .isEqualTo("LIST<FLOAT NOT NULL> NOT NULL");
    }
  }

  @Test
  void writingTheSameTableAgainChangesNothing() {
    EmbeddingWriter writer = new EmbeddingWriter(target);
    writer.write(tracks(), EmbeddingWriteConfig.forTable(tracks()), ProgressTracker.NONE);
    long nodes = count(target, "MATCH (n) RETURN count(n)");

    EmbeddingWriteResult again = writer.write(tracks(), EmbeddingWriteConfig.forTable(tracks()).withConcurrency(1),
        ProgressTracker.NONE);

    assertThat(again.written()).isEqualTo(3);
    assertThat(count(target, "MATCH (n) RETURN count(n)")).isEqualTo(nodes);
    assertThat(vector("t1")).containsExactly(1.0, 0.0, 0.0);
  }

  @Test
  void vectorIndexAnswersNearestNodesAndSimilarTracks() {
    new EmbeddingWriter(target).write(tracks(), EmbeddingWriteConfig.forTable(tracks()), ProgressTracker.NONE);
    VectorIndexes indexes = new VectorIndexes(target);
    VectorIndexSpec spec = new VectorIndexSpec(VectorIndexSpec.defaultName("Track", "embedding"), "Track",
        "embedding", 3, VectorSimilarity.forEmbeddings(tracks().metadata()));

    VectorIndexSpec inUse = indexes.ensure(spec, TIMEOUT);

    assertThat(inUse).isEqualTo(spec);
    assertThat(indexes.find("Track", "embedding")).contains(spec);
    List<VectorMatch> nearest = indexes.query(spec.name(), new float[] {1f, 0f, 0f}, 3);
    assertThat(nearest).extracting(VectorMatch::id).containsExactly("t1", "t2", "t3");
    // Neo4j reports cosine as (1 + cos) / 2; the index keeps full vectors, so exactly up to float rounding.
    assertThat(nearest.get(0).score()).isCloseTo(1.0, within(1e-6));
    assertThat(nearest.get(1).score()).isCloseTo((1 + 0.8) / 2, within(1e-6));
    assertThat(indexes.query(spec.name(), new float[] {1f, 0f, 0f}, 1, 3)).extracting(VectorMatch::id)
        .containsExactly("t1");
    assertThat(indexes.similarTo(spec, "t1", 1, 1)).extracting(VectorMatch::id).containsExactly("t2");
    assertThat(new Neo4jExplorer(target).similar("Track", "embedding", "t3", 2, 10).column("id"))
        .containsExactly("t2", "t1");
    assertThat(indexes.similarTo(spec, "no-such-track", 2, 2)).isEmpty();
    assertThatThrownBy(() -> indexes.query(spec.name(), new float[] {1f, 0f, 0f}, 5, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates must be >= k = 5 (got 4)");
    // Asking again finds the index and leaves it as it is.
    assertThat(indexes.ensure(spec, TIMEOUT)).isEqualTo(spec);
  }

  @Test
  void anIndexOfAnotherShapeOnTheSamePropertyIsRefused() {
    new EmbeddingWriter(target).write(tracks(), EmbeddingWriteConfig.forTable(tracks()), ProgressTracker.NONE);
    VectorIndexes indexes = new VectorIndexes(target);
    indexes.ensure(new VectorIndexSpec("old_index", "Track", "embedding", 3, VectorSimilarity.EUCLIDEAN), TIMEOUT);

    assertThatThrownBy(() -> indexes.ensure(new VectorIndexSpec("polyphony_Track_embedding", "Track", "embedding",
        3, VectorSimilarity.COSINE), TIMEOUT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("vector index 'old_index' on :Track(embedding) has dimension 3, euclidean "
            + "similarity, not quantised, but dimension 3, cosine similarity, not quantised is needed")
        .hasMessageContaining("DROP INDEX old_index");
  }

  @Test
  void innerProductOfUnnormalisedRowsHasNoIndexSimilarity() {
    EmbeddingMetadata ip = EmbeddingMetadata.of("m", Metric.INNER_PRODUCT, Normalization.NONE, Instant.EPOCH);
    assertThatThrownBy(() -> VectorSimilarity.forEmbeddings(ip))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inner_product without L2 normalisation");
    assertThat(VectorSimilarity.forEmbeddings(ip.withNormalization(Normalization.L2)))
        .isEqualTo(VectorSimilarity.COSINE);
  }

  @Test
  void namesThatCouldInjectCypherAreRefused() {
    EmbeddingWriteConfig config = EmbeddingWriteConfig.forTable(tracks());
    assertThatThrownBy(() -> config.withLabel("Track`) DETACH DELETE n //"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label must be a letter");
    assertThatThrownBy(() -> config.withProperty("e = 1 DELETE n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("property must be a letter");
    assertThatThrownBy(() -> config.withProperty("id"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ from 'id'");
    assertThatThrownBy(() -> new VectorIndexSpec("i`; DROP", "Track", "embedding", 3, VectorSimilarity.COSINE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index name must be a letter");
    assertThatThrownBy(() -> new VectorIndexSpec("i", "Track", "embedding", 4097, VectorSimilarity.COSINE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(got 4097)");
  }

  private static List<Double> vector(String id) {
    try (Session s = target.session()) {
      return s.run("MATCH (t:Track {id: $id}) RETURN t.embedding", java.util.Map.of("id", id)).single().get(0)
          .asList(v -> v.asDouble());
    }
  }
}
