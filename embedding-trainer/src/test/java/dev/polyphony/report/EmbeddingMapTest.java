package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingMapTest {
  private static final double R2 = Math.sqrt(2);

  private static EmbeddingTable fourTracks() {
    return new EmbeddingTable("track", List.of("a", "b", "c", "d"), 2, new float[] {3, 1, 1, 3, -1, -3, -3, -1},
        EmbeddingMetadata.of("model", Metric.COSINE, Normalization.NONE, Instant.EPOCH));
  }

  @Test
  void projectsEveryRowOfASmallTableWithItsLabel() {
    List<String> labels = Arrays.asList("pop", "rock", null, "pop");
    EmbeddingMap map = EmbeddingMap.of(fourTracks(), labels, 10, 1);

    assertThat(map.rows()).isEqualTo(4);
    assertThat(map.varianceShareX()).isCloseTo(0.8, within(1e-9));
    assertThat(map.varianceShareY()).isCloseTo(0.2, within(1e-9));
    assertThat(map.points()).extracting(EmbeddingMap.Point::id).containsExactly("a", "b", "c", "d");
    assertThat(map.points()).extracting(EmbeddingMap.Point::label)
        .containsExactly("pop", "rock", EmbeddingMap.UNLABELLED, "pop");
    EmbeddingMap.Point b = map.points().get(1);
    assertThat(b.x()).isCloseTo(2 * R2, within(1e-9));
    assertThat(b.y()).isCloseTo(-R2, within(1e-9));
    assertThat(map.labelCounts()).containsExactly(Map.entry("pop", 2), Map.entry(EmbeddingMap.UNLABELLED, 1),
        Map.entry("rock", 1));
  }

  @Test
  void samplesAtMostMaxPointsRepeatably() {
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    float[][] vectors = new float[500][];
    for (int i = 0; i < 500; i++) {
      ids.add("t" + i);
      labels.add(i % 2 == 0 ? "even" : "odd");
      vectors[i] = new float[] {i, (i * 7) % 13, (i * 3) % 5};
    }
    EmbeddingMap a = EmbeddingMap.of(ids, vectors, labels, 60, 9);
    assertThat(a.rows()).isEqualTo(500);
    assertThat(a.points()).hasSize(60);
    assertThat(EmbeddingMap.of(ids, vectors, labels, 60, 9)).isEqualTo(a);
    assertThat(EmbeddingMap.of(ids, vectors, labels, 60, 10)).isNotEqualTo(a);
    int[] rows = RowSample.choose(500, 60, 9);
    assertThat(a.points().get(0).id()).isEqualTo("t" + rows[0]);
  }

  @Test
  void labelsMustMatchTheRows() {
    assertThatThrownBy(() -> EmbeddingMap.of(fourTracks(), List.of("pop"), 10, 1))
        .hasMessage("1 labels for 4 rows");
  }
}
