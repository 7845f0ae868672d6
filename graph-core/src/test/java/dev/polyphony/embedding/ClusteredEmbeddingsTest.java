package dev.polyphony.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusteredEmbeddingsTest {
  @Test
  void oneSeedGivesOneTableAndQueries() {
    ClusteredEmbeddings spec = new ClusteredEmbeddings(500, 8, 5, 0.1, 7);
    EmbeddingTable a = spec.table("track", Metric.COSINE);
    assertThat(a).isEqualTo(spec.table("track", Metric.COSINE));
    assertThat(a.size()).isEqualTo(500);
    assertThat(a.id(499)).isEqualTo("v499");
    assertThat(a).isNotEqualTo(new ClusteredEmbeddings(500, 8, 5, 0.1, 8).table("track", Metric.COSINE));
    assertThat(spec.queries(3, 1)).isDeepEqualTo(spec.queries(3, 1));
    assertThat(spec.queries(3, 1)[0]).isNotEqualTo(spec.queries(3, 2)[0]).hasSize(8);
  }

  @Test
  void pointsSitNearOneOfFewCentres() {
    // With spread 0 every point is a centre: only `clusters` distinct vectors exist.
    EmbeddingTable t = new ClusteredEmbeddings(200, 4, 3, 0, 11).table("track", Metric.COSINE);
    java.util.Set<java.util.List<Float>> distinct = new java.util.HashSet<>();
    for (int r = 0; r < t.size(); r++) {
      float[] v = t.vector(r);
      distinct.add(java.util.List.of(v[0], v[1], v[2], v[3]));
    }
    assertThat(distinct).hasSize(3);
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(() -> new ClusteredEmbeddings(10, 0, 1, 1, 1)).hasMessage("dimension must be > 0 (got 0)");
    assertThatThrownBy(() -> new ClusteredEmbeddings(10, 2, 1, Double.NaN, 1))
        .hasMessage("spread must be finite and >= 0 (got NaN)");
    assertThatThrownBy(() -> new ClusteredEmbeddings(-1, 2, 1, 1, 1)).hasMessage("size must be >= 0 (got -1)");
  }
}
