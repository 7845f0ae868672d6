package dev.polyphony.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactIndexTest {
  @Test
  void innerProductRanksByDotProduct() {
    try (ExactIndex index = ExactIndex.build(FiveTracks.table(Metric.INNER_PRODUCT), Metric.INNER_PRODUCT, 1)) {
      Neighbors top = index.search(FiveTracks.QUERY, 3);
      assertThat(top.ids()).containsExactly("e", "c", "a");
      assertThat(top.rows()).containsExactly(4, 2, 0);
      assertThat(top.score(0)).isCloseTo(2.1f, within(1e-6f));
      assertThat(top.score(1)).isCloseTo(1.2f, within(1e-6f));
      assertThat(top.score(2)).isEqualTo(1f);
    }
  }

  @Test
  void cosineRanksByAngle() {
    try (ExactIndex index = ExactIndex.build(FiveTracks.table(Metric.COSINE))) {
      Neighbors all = index.search(FiveTracks.QUERY, 5);
      assertThat(all.ids()).containsExactly("e", "a", "c", "b", "d");
      assertThat(all.scores()).usingComparatorWithPrecision(1e-6f)
          .containsExactly(0.998868f, 0.980581f, 0.832050f, 0.196116f, -0.980581f);
    }
  }

  @Test
  void kBeyondTheSizeReturnsEveryRowAndFiltersRestrictTheRows() {
    try (ExactIndex index = ExactIndex.build(FiveTracks.table(Metric.INNER_PRODUCT), Metric.INNER_PRODUCT, 2)) {
      assertThat(index.search(FiveTracks.QUERY, 10).ids()).containsExactly("e", "c", "a", "b", "d");
      assertThat(index.search(FiveTracks.QUERY, 2, row -> row != 4).ids()).containsExactly("c", "a");
      assertThat(index.search(FiveTracks.QUERY, 3, row -> row == 3 || row == 1).ids()).containsExactly("b", "d");
      assertThat(index.search(FiveTracks.QUERY, 3, row -> false).size()).isZero();
    }
  }

  @Test
  void equalScoresRankTheLowerRowFirst() {
    EmbeddingTable twins = new EmbeddingTable("track", List.of("x", "y", "z", "w"), 2,
        new float[] {0, 1, 1, 0, 1, 0, 1, 0}, EmbeddingMetadata.of("m", Metric.COSINE, Normalization.NONE,
            Instant.EPOCH));
    try (ExactIndex index = ExactIndex.build(twins)) {
      assertThat(index.search(new float[] {3, 0}, 2).ids()).containsExactly("y", "z");
    }
  }

  @Test
  void parallelBlocksGiveTheSameResultsAsOneThread() {
    EmbeddingTable table = new ClusteredEmbeddings(20_000, 16, 20, 0.3, 3).table("track", Metric.COSINE);
    float[][] queries = new ClusteredEmbeddings(20_000, 16, 20, 0.3, 3).queries(20, 99);
    try (ExactIndex one = ExactIndex.build(table, Metric.COSINE, 1);
        ExactIndex four = ExactIndex.build(table, Metric.COSINE, 4)) {
      for (float[] q : queries) {
        assertThat(four.search(q, 25)).isEqualTo(one.search(q, 25));
        assertThat(four.search(q, 7, row -> row % 3 == 0)).isEqualTo(one.search(q, 7, row -> row % 3 == 0));
      }
    }
  }

  @Test
  void rejectsBadQueriesAndZeroRowsUnderCosine() {
    try (ExactIndex index = ExactIndex.build(FiveTracks.table(Metric.COSINE))) {
      assertThat(index.size()).isEqualTo(5);
      assertThat(index.rowOf("c")).isEqualTo(2);
      assertThat(index.id(4)).isEqualTo("e");
      assertThatThrownBy(() -> index.search(FiveTracks.QUERY, 0)).hasMessage("k must be > 0 (got 0)");
      assertThatThrownBy(() -> index.search(new float[3], 1))
          .hasMessage("query has 3 values, index dimension is 2");
      assertThatThrownBy(() -> index.search(new float[] {1, Float.NaN}, 1))
          .hasMessage("query value 1 is not finite (got NaN)");
      assertThatThrownBy(() -> index.search(new float[] {0, 0}, 1))
          .hasMessage("query has length 0; cosine similarity is undefined");
    }
    EmbeddingTable zero = new EmbeddingTable("track", List.of("a", "b"), 2, new float[] {1, 0, 0, 0},
        EmbeddingMetadata.of("m", Metric.COSINE, Normalization.NONE, Instant.EPOCH));
    assertThatThrownBy(() -> ExactIndex.build(zero))
        .hasMessage("row 1 (id 'b') has length 0; cosine similarity is undefined");
    try (ExactIndex index = ExactIndex.build(zero, Metric.INNER_PRODUCT, 1)) {
      assertThat(index.search(new float[] {0, 0}, 1).size()).isEqualTo(1);
    }
  }

  @Test
  void searchingAfterCloseFails() {
    ExactIndex index = ExactIndex.build(FiveTracks.table(Metric.COSINE));
    index.close();
    index.close();
    assertThatThrownBy(() -> index.search(FiveTracks.QUERY, 1)).hasMessage("index is closed");
  }
}
