package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.ExactIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnnSweepTest {
  private static final ClusteredEmbeddings DATA = new ClusteredEmbeddings(400, 16, 8, 0.3, 5);

  @Test
  void measuresOnePointPerEfOnTheSameGraph() throws IOException {
    EmbeddingTable table = DATA.table("track", Metric.COSINE);
    float[][] queries = DATA.queries(30, 6);
    List<String> sweepDirsBefore = sweepDirs();
    try (AnnIndex ann = AnnIndex.build(table, AnnIndexConfig.defaults(Metric.COSINE).withThreads(1).withM(4)
            .withEfConstruction(8));
        ExactIndex exact = ExactIndex.build(table, Metric.COSINE, 1)) {
      List<AnnTradeoffPoint> points = AnnSweep.measure(ann, exact, queries, List.of(10, 400));

      assertThat(points).extracting(AnnTradeoffPoint::ef).containsExactly(10, 400);
      // A sparse graph (M 4, efConstruction 8): a short search list misses neighbours a long one finds,
      // which shows that each point searched with its own ef.
      assertThat(points.get(0).recallAt10()).isLessThan(points.get(1).recallAt10());
      assertThat(points.get(1).recallAt10()).isGreaterThan(0.95);
      assertThat(points).allSatisfy(p -> assertThat(p.queriesPerSecond()).isPositive());
      assertThat(ann.config().ef()).as("the measured index is left as it was").isEqualTo(AnnIndexConfig.DEFAULT_EF);
    }
    assertThat(sweepDirs()).as("temporary copies are deleted").isEqualTo(sweepDirsBefore);
  }

  @Test
  void anExactCandidateHasRecallOne() throws IOException {
    EmbeddingTable table = DATA.table("track", Metric.INNER_PRODUCT);
    try (ExactIndex oracle = ExactIndex.build(table, Metric.INNER_PRODUCT, 1)) {
      List<AnnTradeoffPoint> points = AnnSweep.measure(ef -> ExactIndex.build(table, Metric.INNER_PRODUCT, 1),
          oracle, DATA.queries(5, 1), List.of(16));
      assertThat(points).hasSize(1);
      assertThat(points.get(0).recallAt10()).isEqualTo(1.0);
    }
  }

  @Test
  void rejectsBadSweeps() {
    EmbeddingTable table = DATA.table("track", Metric.COSINE);
    try (ExactIndex oracle = ExactIndex.build(table, Metric.COSINE, 1)) {
      assertThatThrownBy(() -> AnnSweep.measure(ef -> oracle, oracle, DATA.queries(2, 1), List.of()))
          .hasMessage("efs must not be empty");
      assertThatThrownBy(() -> AnnSweep.measure(ef -> oracle, oracle, DATA.queries(2, 1), List.of(0)))
          .hasMessage("ef must be > 0 (got 0)");
    }
  }

  private static List<String> sweepDirs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("polyphony-ann-sweep")).sorted()
          .toList();
    }
  }
}
