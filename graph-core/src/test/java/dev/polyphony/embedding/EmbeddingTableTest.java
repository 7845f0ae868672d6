package dev.polyphony.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingTableTest {
  private static EmbeddingTable table(List<String> ids, int d, float[] values) {
    return new EmbeddingTable("track", ids, d, values, EmbeddingFixture.metadata());
  }

  @Test
  void exposesRowsIdsAndMetadata() {
    EmbeddingTable t = table(List.of("a", "b", "c"), 2, new float[] {1, 2, 3, 4, 5, 6});
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.dimension()).isEqualTo(2);
    assertThat(t.nodeType()).isEqualTo("track");
    assertThat(t.ids()).containsExactly("a", "b", "c");
    assertThat(t.id(2)).isEqualTo("c");
    assertThat(t.rowOf("b")).isEqualTo(1);
    assertThat(t.rowOf("zzz")).isEqualTo(-1);
    assertThat(t.vector(1)).containsExactly(3f, 4f);
    float[] out = new float[4];
    t.copyVector(2, out, 1);
    assertThat(out).containsExactly(0f, 5f, 6f, 0f);
    assertThat(t.valuesView().isReadOnly()).isTrue();
    assertThat(t.metadata().properties()).containsExactly(Map.entry("dataset", "hetrec"),
        Map.entry("run", "nightly-42"));
    assertThat(t.bytes()).isGreaterThanOrEqualTo(4L * 6);
    assertThatThrownBy(() -> t.vector(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void vectorsAreCopiesSoTheTableStaysUnchanged() {
    EmbeddingTable t = table(List.of("a"), 2, new float[] {1, 2});
    t.vector(0)[0] = 99;
    assertThat(t.vector(0)).containsExactly(1f, 2f);
  }

  @Test
  void rejectsBadShapesValuesAndIds() {
    assertThatThrownBy(() -> table(List.of("a"), 0, new float[0]))
        .hasMessage("dimension must be > 0 (got 0)");
    assertThatThrownBy(() -> table(List.of("a", "b"), 2, new float[3]))
        .hasMessage("expected 2 x 2 = 4 values (got 3)");
    assertThatThrownBy(() -> table(List.of("a", "b"), 2, new float[] {0, 0, 0, Float.NaN}))
        .hasMessage("row 1 (id 'b') column 1 is not finite (got NaN)");
    assertThatThrownBy(() -> table(List.of("a", "b"), 1, new float[] {Float.POSITIVE_INFINITY, 0}))
        .hasMessage("row 0 (id 'a') column 0 is not finite (got Infinity)");
    assertThatThrownBy(() -> table(List.of("a", "a"), 1, new float[2]))
        .hasMessage("duplicate id 'a'");
    assertThatThrownBy(() -> table(List.of("a", ""), 1, new float[2]))
        .hasMessage("id of row 1 must be non-empty (got '')");
    assertThatThrownBy(() -> table(List.of("a\tb"), 1, new float[1]))
        .hasMessage("id of row 0 contains a tab or line break (got 'a\\tb')");
    assertThatThrownBy(() -> new EmbeddingTable(" ", List.of("a"), 1, new float[1], EmbeddingFixture.metadata()))
        .hasMessage("node type must be non-blank (got ' ')");
  }

  @Test
  void l2NormalizedScalesRowsToUnitLengthAndRecordsIt() {
    EmbeddingTable t = table(List.of("a", "b"), 2, new float[] {3, 4, 0, -2});
    EmbeddingTable unit = t.l2Normalized();
    assertThat(unit.vector(0)).containsExactly(0.6f, 0.8f);
    assertThat(unit.vector(1)).containsExactly(0f, -1f);
    assertThat(unit.metadata().normalization()).isEqualTo(Normalization.L2);
    assertThat(unit.metadata().modelHash()).isEqualTo(t.metadata().modelHash());
    assertThatThrownBy(() -> table(List.of("a"), 2, new float[] {0, 0}).l2Normalized())
        .hasMessage("row 0 (id 'a') has length 0 and cannot be L2-normalised");
  }

  @Test
  void l2MetadataRequiresUnitRows() {
    EmbeddingMetadata l2 = EmbeddingFixture.metadata().withNormalization(Normalization.L2);
    assertThatThrownBy(() -> new EmbeddingTable("track", List.of("a", "b"), 2, new float[] {0.6f, 0.8f, 1, 1}, l2))
        .hasMessageStartingWith("normalization is l2 but row 1 (id 'b') has length 1.414");
  }

  @Test
  void equalityIsByContent() {
    assertThat(EmbeddingFixture.threeTracks()).isEqualTo(EmbeddingFixture.threeTracks())
        .hasSameHashCodeAs(EmbeddingFixture.threeTracks());
    EmbeddingTable a = table(List.of("a"), 1, new float[] {1});
    assertThat(a).isNotEqualTo(table(List.of("a"), 1, new float[] {2}))
        .isNotEqualTo(table(List.of("b"), 1, new float[] {1}));
  }

  @Test
  void metadataValidatesAndSortsProperties() {
    assertThatThrownBy(() -> EmbeddingMetadata.of(" ", Metric.COSINE, Normalization.NONE, EmbeddingFixture.CREATED))
        .hasMessage("modelHash must be non-blank (got ' ')");
    assertThat(Metric.fromLabel("inner_product")).isEqualTo(Metric.INNER_PRODUCT);
    assertThatThrownBy(() -> Metric.fromLabel("l2"))
        .hasMessage("unknown metric 'l2' (expected cosine or inner_product)");
    assertThat(Normalization.fromLabel("l2")).isEqualTo(Normalization.L2);
  }
}
