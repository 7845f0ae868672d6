package dev.polyphony.retrieval.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import org.junit.jupiter.api.Test;

class AnnQualityTest {
  private static final ThroughputConfig SHORT = new ThroughputConfig(0, 10);
  private final EmbeddingTable table = new ClusteredEmbeddings(1_000, 16, 20, 0.3, 3).table("track", Metric.COSINE);

  @Test
  void defaultSettingsFindTheExactNeighboursOfASmallTable() {
    float[][] queries = QuerySample.vectors(table, 200, 9);
    AnnQualityResult r = new AnnQuality(10, 2, SHORT).buildAndMeasure(table,
        AnnIndexConfig.defaults(Metric.COSINE).withThreads(1), queries, "200 rows");
    assertThat(r.rows()).isEqualTo(1_000);
    assertThat(r.dimension()).isEqualTo(16);
    assertThat(r.metric()).isEqualTo("cosine");
    assertThat(new int[] {r.m(), r.efConstruction(), r.ef(), r.k(), r.queryCount()})
        .containsExactly(16, 200, 128, 10, 200);
    assertThat(r.queries()).isEqualTo("200 rows");
    assertThat(r.recall()).isGreaterThanOrEqualTo(0.99);
    assertThat(r.minRecall()).isLessThanOrEqualTo(r.recall());
    assertThat(r.ann().threads()).isEqualTo(2);
    assertThat(r.exact().oneThread()).isPositive();
    assertThat(r.buildSeconds()).isPositive();
  }

  @Test
  void recallIsAFunctionOfTheSeedsWithAOneThreadBuild() {
    float[][] queries = QuerySample.vectors(table, 100, 4);
    AnnIndexConfig config = AnnIndexConfig.defaults(Metric.COSINE).withThreads(1).withEf(10).withM(4);
    AnnQualityResult a = new AnnQuality(10, 1, SHORT).buildAndMeasure(table, config, queries, "q");
    AnnQualityResult b = new AnnQuality(10, 1, SHORT).buildAndMeasure(table, config, queries, "q");
    assertThat(a.recall()).isEqualTo(b.recall());
    assertThat(a.minRecall()).isEqualTo(b.minRecall());
  }

  @Test
  void rejectsAnIndexOfAnotherTableAndBadArguments() {
    EmbeddingTable other = new ClusteredEmbeddings(30, 16, 2, 0.3, 3).table("track", Metric.COSINE);
    try (AnnIndex index = AnnIndex.build(other, AnnIndexConfig.defaults(Metric.COSINE).withThreads(1))) {
      assertThatThrownBy(() -> new AnnQuality(10, 1, SHORT).measure(table, index, 0, new float[][] {table.vector(0)},
          "q")).hasMessage("index holds 30 rows, the table 1000");
    }
    assertThatThrownBy(() -> new AnnQuality(0, 1, SHORT)).hasMessage("k must be > 0 (got 0)");
    assertThatThrownBy(() -> new AnnQuality(10, 0, SHORT)).hasMessage("threads must be > 0 (got 0)");
  }
}
