package dev.polyphony.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class BlockedExactIndexTest {
  @Test
  void ranksAHandBuiltTableByCosine() {
    EmbeddingTable table = new EmbeddingTable("track", List.of("a", "b", "c"), 2,
        new float[] {1, 0, 0, 2, 3, 3}, EmbeddingMetadata.of("m", Metric.COSINE, Normalization.NONE, java.time.Instant.EPOCH));
    try (BlockedExactIndex index = BlockedExactIndex.build(table, Metric.COSINE, 2)) {
      Neighbors found = index.search(new float[] {1, 0}, 3);

      assertThat(found.ids()).containsExactly("a", "c", "b");
      assertThat(found.scores()).containsExactly(1f, (float) (3 / Math.sqrt(18)), 0f);
    }
  }

  /** Prepared or not, every search equals the exact oracle's to the bit, filters and ties included. */
  @Test
  void equalsExactIndexWithAndWithoutPreparedQueries() {
    EmbeddingTable table = new ClusteredEmbeddings(500, 8, 5, 0.4, 3).table("track", Metric.COSINE);
    float[][] queries = new ClusteredEmbeddings(500, 8, 5, 0.4, 3).queries(6, 9);
    IntPredicate odd = row -> row % 2 == 1;
    try (ExactIndex exact = ExactIndex.build(table, Metric.COSINE, 1);
        BlockedExactIndex blocked = BlockedExactIndex.build(table, Metric.COSINE, 37)) {
      for (float[] q : queries) {
        assertThat(blocked.search(q, 20)).isEqualTo(exact.search(q, 20));
      }
      blocked.prepare(List.of(queries[0], queries[1], queries[2]));
      for (float[] q : queries) {
        assertThat(blocked.search(q, 20)).isEqualTo(exact.search(q, 20));
        assertThat(blocked.search(q, 7, odd)).isEqualTo(exact.search(q, 7, odd));
        assertThat(blocked.search(q, 600, odd)).isEqualTo(exact.search(q, 600, odd));
      }
      blocked.release();
      assertThat(blocked.search(queries[0], 5)).isEqualTo(exact.search(queries[0], 5));
    }
  }
}
