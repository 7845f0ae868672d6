package dev.polyphony.retrieval.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuerySampleTest {
  @Test
  void drawsDistinctRowsFixedByTheSeed() {
    int[] rows = QuerySample.rows(100, 30, 7);
    assertThat(rows).hasSize(30).doesNotHaveDuplicates();
    assertThat(Arrays.stream(rows).allMatch(r -> r >= 0 && r < 100)).isTrue();
    assertThat(QuerySample.rows(100, 30, 7)).containsExactly(rows);
    assertThat(QuerySample.rows(100, 30, 8)).isNotEqualTo(rows);
  }

  @Test
  void takesEveryRowWhenAskedForMoreThanTheTableHas() {
    int[] rows = QuerySample.rows(5, 10, 1);
    Arrays.sort(rows);
    assertThat(rows).containsExactly(0, 1, 2, 3, 4);
    assertThat(QuerySample.rows(0, 3, 1)).isEmpty();
  }

  @Test
  void queryVectorsAreTheSampledRowsVectors() {
    EmbeddingTable table = new ClusteredEmbeddings(50, 4, 3, 0.1, 5).table("track", Metric.COSINE);
    int[] rows = QuerySample.rows(50, 6, 11);
    float[][] queries = QuerySample.vectors(table, 6, 11);
    assertThat(queries).hasNumberOfRows(6);
    for (int i = 0; i < rows.length; i++) {
      assertThat(queries[i]).containsExactly(table.vector(rows[i]));
    }
  }

  @Test
  void rejectsBadCounts() {
    assertThatThrownBy(() -> QuerySample.rows(10, 0, 1)).hasMessage("count must be > 0 (got 0)");
    assertThatThrownBy(() -> QuerySample.rows(-1, 2, 1)).hasMessage("size must be >= 0 (got -1)");
  }
}
