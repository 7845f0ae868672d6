package dev.polyphony.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.io.EmbeddingFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnnIndexTest {
  private static final ClusteredEmbeddings SPEC = new ClusteredEmbeddings(20_000, 64, 50, 0.5, 20240501L);
  private static EmbeddingTable table;
  private static float[][] queries;
  private static AnnIndex ann;
  private static ExactIndex exact;

  @TempDir
  Path dir;

  @BeforeAll
  static void buildOnce() {
    table = SPEC.table("track", Metric.COSINE);
    queries = SPEC.queries(200, 7);
    ann = AnnIndex.build(table, AnnIndexConfig.defaults(Metric.COSINE));
    exact = ExactIndex.build(table);
  }

  @AfterAll
  static void release() {
    ann.close();
    exact.close();
  }

  @ParameterizedTest
  @EnumSource(Metric.class)
  void handBuiltTableGivesTheExactNeighboursAndScores(Metric metric) {
    EmbeddingTable five = FiveTracks.table(metric);
    try (AnnIndex index = AnnIndex.build(five, AnnIndexConfig.defaults(metric));
        ExactIndex oracle = ExactIndex.build(five, metric, 1)) {
      Neighbors found = index.search(FiveTracks.QUERY, 5);
      Neighbors truth = oracle.search(FiveTracks.QUERY, 5);
      assertThat(found.ids()).isEqualTo(truth.ids());
      for (int i = 0; i < 5; i++) {
        assertThat(found.score(i)).isCloseTo(truth.score(i), within(1e-5f));
      }
      assertThat(index.search(FiveTracks.QUERY, 50).size()).isEqualTo(5);
    }
  }

  @Test
  void recallAt10AtDefaultSettingsIsAtLeast95Percent() {
    RecallAtK recall = RecallAtK.measure(ann, exact, queries, 10);
    assertThat(recall.queries()).isEqualTo(200);
    assertThat(recall.mean()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void filteredSearchReturnsKWhenEnoughRowsPass() {
    IntPredicate[] filters = {row -> row % 2 == 0, row -> row % 37 == 0, row -> row % 997 == 5};
    for (IntPredicate filter : filters) {
      int passing = 0;
      for (int row = 0; row < table.size(); row++) {
        passing += filter.test(row) ? 1 : 0;
      }
      for (int q = 0; q < 20; q++) {
        Neighbors found = ann.search(queries[q], 10, filter);
        assertThat(found.size()).isEqualTo(Math.min(10, passing));
        for (int i = 0; i < found.size(); i++) {
          assertThat(filter.test(found.row(i))).isTrue();
          assertThat(found.id(i)).isEqualTo(table.id(found.row(i)));
        }
        Neighbors truth = exact.search(queries[q], 10, filter);
        assertThat(overlap(found, truth)).isGreaterThanOrEqualTo(Math.min(10, passing) - 1);
      }
    }
  }

  @Test
  void filteredSearchReturnsFewerOnlyWhenFewerRowsPass() {
    // Twelve rows pass, spread over clusters, far from most queries: the graph alone rarely finds them.
    IntPredicate twelve = row -> row % 1_667 == 0;
    Neighbors found = ann.search(queries[0], 50, twelve);
    assertThat(found.rows()).containsExactlyInAnyOrder(0, 1667, 3334, 5001, 6668, 8335, 10002, 11669, 13336,
        15003, 16670, 18337);
    Neighbors truth = exact.search(queries[0], 50, twelve);
    assertThat(found.ids()).isEqualTo(truth.ids());
    assertThat(found.scores()).usingComparatorWithPrecision(1e-5f).containsExactly(truth.scores());
    assertThat(ann.search(queries[0], 10, row -> false).size()).isZero();
    assertThat(ann.search(queries[0], 3, row -> row == 42).rows()).containsExactly(42);
  }

  @Test
  void saveAndLoadGiveIdenticalResults() throws Exception {
    ann.save(dir);
    assertThat(dir.resolve("index.voy")).isRegularFile();
    assertThat(dir.resolve("ids.tsv")).isRegularFile();
    assertThat(dir.resolve("index.json")).isRegularFile();
    try (AnnIndex loaded = AnnIndex.load(dir)) {
      assertThat(loaded.size()).isEqualTo(20_000);
      assertThat(loaded.nodeType()).isEqualTo("track");
      assertThat(loaded.modelHash()).isEqualTo(table.metadata().modelHash());
      assertThat(loaded.config().withThreads(1)).isEqualTo(ann.config().withThreads(1));
      assertThat(loaded.rowOf("v123")).isEqualTo(123);
      for (float[] q : queries) {
        assertThat(loaded.search(q, 10)).isEqualTo(ann.search(q, 10));
        assertThat(loaded.search(q, 10, row -> row % 37 == 0)).isEqualTo(ann.search(q, 10, row -> row % 37 == 0));
      }
    }
    try (AnnIndex wider = AnnIndex.load(dir, AnnIndexConfig.defaults(Metric.COSINE).withEf(200))) {
      assertThat(wider.config().ef()).isEqualTo(200);
      assertThat(RecallAtK.measure(wider, exact, queries, 10).mean())
          .isGreaterThanOrEqualTo(RecallAtK.measure(ann, exact, queries, 10).mean());
    }
    assertThatThrownBy(() -> AnnIndex.load(dir, AnnIndexConfig.defaults(Metric.INNER_PRODUCT)))
        .isInstanceOf(EmbeddingFormatException.class)
        .hasMessage(dir.resolve("index.json") + ": index metric is cosine, requested inner_product");
  }

  @Test
  void loadRejectsChangedFiles() throws Exception {
    ann.save(dir);
    Path voy = dir.resolve("index.voy");
    byte[] bytes = Files.readAllBytes(voy);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(voy, bytes);
    assertThatThrownBy(() -> AnnIndex.load(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageStartingWith(voy + ": SHA-256 mismatch: index.json says ");
    Files.delete(dir.resolve("index.json"));
    assertThatThrownBy(() -> AnnIndex.load(dir)).hasMessage(dir.resolve("index.json") + ": file not found");
  }

  @Test
  void concurrentSearchesEqualSequentialOnes() throws Exception {
    List<Neighbors> sequential = new ArrayList<>();
    List<Neighbors> sequentialFiltered = new ArrayList<>();
    for (float[] q : queries) {
      sequential.add(ann.search(q, 10));
      sequentialFiltered.add(ann.search(q, 10, row -> row % 37 == 0));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 50;
        runs.add(pool.submit(() -> {
          for (int i = 0; i < queries.length; i++) {
            int q = (i + offset) % queries.length;
            if (!ann.search(queries[q], 10).equals(sequential.get(q))
                || !ann.search(queries[q], 10, row -> row % 37 == 0).equals(sequentialFiltered.get(q))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneThreadAndOneSeedBuildTheSameGraph() {
    EmbeddingTable small = new ClusteredEmbeddings(3_000, 16, 10, 0.5, 5).table("track", Metric.INNER_PRODUCT);
    AnnIndexConfig config = AnnIndexConfig.defaults(Metric.INNER_PRODUCT).withThreads(1).withSeed(42).withEf(10);
    try (AnnIndex a = AnnIndex.build(small, config); AnnIndex b = AnnIndex.build(small, config)) {
      for (float[] q : queries) {
        float[] shortQ = java.util.Arrays.copyOf(q, 16);
        assertThat(a.search(shortQ, 10)).isEqualTo(b.search(shortQ, 10));
      }
    }
  }

  @Test
  void configIsValidatedAndClosedIndexesRefuseWork() {
    assertThatThrownBy(() -> AnnIndexConfig.defaults(Metric.COSINE).withM(1))
        .hasMessage("m must be in [2, 512] (got 1)");
    assertThatThrownBy(() -> AnnIndexConfig.defaults(Metric.COSINE).withEf(0)).hasMessage("ef must be > 0 (got 0)");
    assertThatThrownBy(() -> AnnIndexConfig.defaults(Metric.COSINE).withEfConstruction(-5))
        .hasMessage("efConstruction must be > 0 (got -5)");
    assertThatThrownBy(() -> AnnIndexConfig.defaults(Metric.COSINE).withThreads(0))
        .hasMessage("threads must be > 0 (got 0)");
    AnnIndex index = AnnIndex.build(FiveTracks.table(Metric.COSINE), AnnIndexConfig.defaults(Metric.COSINE));
    assertThatThrownBy(() -> index.search(new float[] {0, 0}, 1))
        .hasMessage("query has length 0; cosine similarity is undefined");
    index.close();
    index.close();
    assertThatThrownBy(() -> index.search(FiveTracks.QUERY, 1)).hasMessage("index is closed");
  }

  private static int overlap(Neighbors a, Neighbors b) {
    int n = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        n += a.row(i) == b.row(j) ? 1 : 0;
      }
    }
    return n;
  }
}
