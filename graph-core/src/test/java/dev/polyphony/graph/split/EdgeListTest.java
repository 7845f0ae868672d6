package dev.polyphony.graph.split;

import static dev.polyphony.graph.split.SplitFixture.BY_ARTIST;
import static dev.polyphony.graph.split.SplitFixture.CONTAINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.HeteroGraph;
import org.junit.jupiter.api.Test;

class EdgeListTest {
  private final HeteroGraph catalog = SplitFixture.catalog();

  @Test
  void positionsMapToTheirRowsAcrossEmptyRowsWithWeightsAndTimestamps() {
    // contains positions: p0 0..3, p1 4..5, p2 6..8, p3 9.
    EdgeList edges = EdgeList.atPositions(CONTAINS, catalog.out(CONTAINS), new int[] {3, 4, 8, 9});
    assertThat(edges.src()).containsExactly(0, 1, 2, 3);
    assertThat(edges.dst()).containsExactly(3, 1, 4, 4);
    assertThat(edges.weights()).containsExactly(4f, 5f, 9f, 10f);
    assertThat(edges.timestamps()).containsExactly(400L, 500L, 900L, 1000L);

    // by_artist rows t0..t5 by artist: positions 0..5 in track order.
    EdgeList artists = EdgeList.atPositions(BY_ARTIST, catalog.out(BY_ARTIST), new int[] {5});
    assertThat(artists.src()).containsExactly(5);
    assertThat(artists.dst()).containsExactly(0);
    assertThat(artists.weights()).isNull();
    assertThat(artists.timestamps()).isNull();
  }

  @Test
  void equalityIsByContentAndLengthsMustAgree() {
    assertThat(EdgeList.of(CONTAINS, new int[] {1}, new int[] {2}))
        .isEqualTo(EdgeList.of(CONTAINS, new int[] {1}, new int[] {2}))
        .isNotEqualTo(EdgeList.of(CONTAINS, new int[] {1}, new int[] {3}))
        .hasToString("contains[1->2]");
    assertThatThrownBy(() -> EdgeList.of(CONTAINS, new int[] {1, 2}, new int[] {2}))
        .hasMessage("src has 2 entries, dst 1");
    assertThatThrownBy(() -> new EdgeList(CONTAINS, new int[] {1}, new int[] {2}, new float[2], null))
        .hasMessage("weights have 2 entries for 1 edges");
    assertThatThrownBy(() -> EdgeList.atPositions(CONTAINS, catalog.out(CONTAINS), new int[] {4, 2}))
        .hasMessageContaining("positions must ascend (4 then 2)");
  }
}
