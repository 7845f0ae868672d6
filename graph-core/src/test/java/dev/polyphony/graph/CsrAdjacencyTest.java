package dev.polyphony.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsrAdjacencyTest {

  @Test
  void buildsSortedRowsAndMergesDuplicatesBySummingWeightsAndKeepingEarliestTimestamp() {
    int[] src = {2, 0, 0, 2, 0, 1};
    int[] dst = {1, 3, 1, 0, 3, 2};
    float[] w = {1f, 2f, 3f, 4f, 5f, 6f};
    long[] ts = {10, 20, 30, 40, 5, 60};
    CsrAdjacency.Built built = CsrAdjacency.fromEdges(3, 4, src, dst, w, ts, 6);
    CsrAdjacency a = built.adjacency();

    assertThat(built.mergedDuplicates()).isEqualTo(1);
    assertThat(a.edgeCount()).isEqualTo(5);
    assertThat(a.neighbors(0)).containsExactly(1, 3);
    assertThat(a.neighbors(1)).containsExactly(2);
    assertThat(a.neighbors(2)).containsExactly(0, 1);
    int pos03 = a.start(0) + 1;
    assertThat(a.weight(pos03)).isEqualTo(7f);
    assertThat(a.timestamp(pos03)).isEqualTo(5L);
  }

  @Test
  void transposeReversesEveryEdgeWithItsWeight() {
    CsrAdjacency a = CsrAdjacency.fromEdges(3, 4, new int[] {0, 0, 2, 1}, new int[] {3, 1, 1, 2},
        new float[] {1f, 2f, 3f, 4f}, null, 4).adjacency();
    CsrAdjacency t = a.transpose();

    assertThat(t.rowCount()).isEqualTo(4);
    assertThat(t.targetCount()).isEqualTo(3);
    assertThat(t.neighbors(0)).isEmpty();
    assertThat(t.neighbors(1)).containsExactly(0, 2);
    assertThat(t.neighbors(2)).containsExactly(1);
    assertThat(t.neighbors(3)).containsExactly(0);
    assertThat(t.weight(t.start(1) + 1)).isEqualTo(3f);
    assertThat(t.transpose()).isEqualTo(a);
  }

  @Test
  void unweightedRelationReportsUnitWeightAndRejectsTimestampQueries() {
    CsrAdjacency a = CsrAdjacency.fromEdges(2, 2, new int[] {0}, new int[] {1}, null, null, 1).adjacency();
    assertThat(a.weight(0)).isEqualTo(1f);
    assertThat(a.contains(0, 1)).isTrue();
    assertThat(a.contains(1, 0)).isFalse();
    assertThatThrownBy(() -> a.timestamp(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsTargetsOutsideTheTargetRange() {
    assertThatThrownBy(() -> CsrAdjacency.fromEdges(2, 2, new int[] {0}, new int[] {2}, null, null, 1))
        .hasMessageContaining("target 2 outside [0, 2)");
  }

  @Test
  void bytesCountEveryArray() {
    CsrAdjacency a = CsrAdjacency.fromEdges(2, 2, new int[] {0, 1}, new int[] {1, 0},
        new float[] {1, 1}, new long[] {1, 2}, 2).adjacency();
    assertThat(a.bytes()).isEqualTo(4 * 3 + 4 * 2 + 4 * 2 + 8 * 2);
  }
}
