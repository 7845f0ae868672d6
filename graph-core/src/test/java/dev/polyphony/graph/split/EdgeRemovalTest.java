package dev.polyphony.graph.split;

import static dev.polyphony.graph.split.SplitFixture.BY_ARTIST;
import static dev.polyphony.graph.split.SplitFixture.CONTAINS;
import static dev.polyphony.graph.split.SplitFixture.PLAYLIST;
import static dev.polyphony.graph.split.SplitFixture.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeRemovalTest {
  private final HeteroGraph source = SplitFixture.catalog();

  @Test
  void removedPairsLeaveBothDirectionsWithWeightsAndTimestampsOfTheRest() {
    EdgeRemoval removal = new EdgeRemoval(source).removeEdges(CONTAINS, new int[] {2, 0}, new int[] {4, 1});
    HeteroGraph g = removal.build();

    CsrAdjacency out = g.out(CONTAINS);
    assertThat(out.neighbors(0)).containsExactly(0, 2, 3);
    assertThat(out.neighbors(1)).containsExactly(1, 3);
    assertThat(out.neighbors(2)).containsExactly(0, 2);
    assertThat(out.neighbors(3)).containsExactly(4);
    assertThat(new float[] {out.weight(0), out.weight(1), out.weight(2)}).containsExactly(1f, 3f, 4f);
    assertThat(new long[] {out.timestamp(0), out.timestamp(1), out.timestamp(2)}).containsExactly(100, 300, 400);
    assertThat(out.weight(out.start(2) + 1)).isEqualTo(8f);
    CsrAdjacency in = g.in(CONTAINS);
    assertThat(in.neighbors(1)).containsExactly(1);
    assertThat(in.neighbors(4)).containsExactly(3);
    assertThat(in.neighbors(2)).containsExactly(0, 2);
    assertThat(in.weight(in.start(2) + 1)).isEqualTo(8f);
    assertThat(in.timestamp(in.start(4))).isEqualTo(1000L);
    assertThat(g.edgeCount(CONTAINS)).isEqualTo(8);
    assertThat(g.out(BY_ARTIST)).isSameAs(source.out(BY_ARTIST));
    LeakageAssertions.assertNodesUnchanged(source, g);

    EdgeList removed = removal.removedEdges(CONTAINS);
    assertThat(removed.src()).containsExactly(0, 2);
    assertThat(removed.dst()).containsExactly(1, 4);
    assertThat(removed.weights()).containsExactly(2f, 9f);
    assertThat(removed.timestamps()).containsExactly(200L, 900L);
    assertThat(removal.removedCount(CONTAINS)).isEqualTo(2);
    assertThat(removal.removedCount(BY_ARTIST)).isZero();
  }

  @Test
  void adjacencyEqualsAGraphBuiltWithoutTheEdges() {
    HeteroGraph g = new EdgeRemoval(source)
        .removeEdges(CONTAINS, new int[] {0, 0, 2, 3}, new int[] {0, 3, 2, 4})
        .removeEdges(BY_ARTIST, new int[] {5}, new int[] {0})
        .build();
    HeteroGraph expected = SplitFixture.catalogWith(e ->
        !(e.type().equals(CONTAINS) && List.of("0>0", "0>3", "2>2", "3>4").contains(e.src() + ">" + e.dst()))
            && !(e.type().equals(BY_ARTIST) && e.src() == 5));

    for (var type : source.schema().edgeTypes()) {
      assertThat(g.out(type)).as("out %s", type).isEqualTo(expected.out(type));
      assertThat(g.in(type)).as("in %s", type).isEqualTo(expected.in(type));
    }
  }

  @Test
  void maskPositionsAndPairsRemoveTheSameEdges() {
    boolean[] mask = new boolean[10];
    mask[1] = true;
    mask[8] = true;
    BitSet positions = new BitSet();
    positions.set(1);
    positions.set(8);
    HeteroGraph byMask = new EdgeRemoval(source).removeMasked(CONTAINS, mask).build();
    HeteroGraph byPositions = new EdgeRemoval(source).removePositions(CONTAINS, positions).build();
    HeteroGraph byPairs = new EdgeRemoval(source).removeEdges(CONTAINS, new int[] {0, 2}, new int[] {1, 4}).build();

    assertThat(byMask).isEqualTo(byPairs).isEqualTo(byPositions);
  }

  @Test
  void removingAnEdgeTwiceRemovesItOnce() {
    EdgeRemoval removal = new EdgeRemoval(source)
        .removeEdges(CONTAINS, new int[] {1, 1}, new int[] {3, 3})
        .removeEdges(CONTAINS, new int[] {1}, new int[] {3});
    assertThat(removal.removedCount(CONTAINS)).isEqualTo(1);
    assertThat(removal.build().edgeCount(CONTAINS)).isEqualTo(9);
  }

  @Test
  void detachingRemovesOnlyTheChosenRelationsOfTheNodes() {
    HeteroGraph contains = new EdgeRemoval(source).detachNodes(TRACK, new int[] {3, 4}, List.of(CONTAINS)).build();
    assertThat(contains.in(CONTAINS).degree(3)).isZero();
    assertThat(contains.in(CONTAINS).degree(4)).isZero();
    assertThat(contains.out(CONTAINS).neighbors(0)).containsExactly(0, 1, 2);
    assertThat(contains.out(CONTAINS).neighbors(1)).containsExactly(1);
    assertThat(contains.out(CONTAINS).neighbors(3)).isEmpty();
    assertThat(contains.out(BY_ARTIST).neighbors(3)).containsExactly(1);
    assertThat(contains.edgeCount(CONTAINS)).isEqualTo(6);

    HeteroGraph all = new EdgeRemoval(source).detachNodes(TRACK, new int[] {3}).build();
    assertThat(all.out(BY_ARTIST).degree(3)).isZero();
    assertThat(all.in(SplitFixture.BY_ARTIST).neighbors(1)).containsExactly(2, 4);
    assertThat(all.in(CONTAINS).degree(3)).isZero();
    assertThat(all.nodeCount(TRACK)).isEqualTo(6);
  }

  @Test
  void detachingFromTheSourceSideRemovesTheWholeRow() {
    HeteroGraph g = new EdgeRemoval(source).detachNodes(PLAYLIST, new int[] {0}, List.of(CONTAINS)).build();
    assertThat(g.out(CONTAINS).degree(0)).isZero();
    assertThat(g.in(CONTAINS).neighbors(0)).containsExactly(2);
    assertThat(g.edgeCount(CONTAINS)).isEqualTo(6);
  }

  @Test
  void nothingRemovedSharesEveryAdjacency() {
    HeteroGraph g = new EdgeRemoval(source).build();
    assertThat(g).isEqualTo(source);
    assertThat(g.out(CONTAINS)).isSameAs(source.out(CONTAINS));
    assertThat(g.in(CONTAINS)).isSameAs(source.in(CONTAINS));
  }

  @Test
  void badRequestsFailNamingTheValue() {
    EdgeRemoval removal = new EdgeRemoval(source);
    assertThatThrownBy(() -> removal.removeEdges(CONTAINS, new int[] {1}, new int[] {0}))
        .hasMessageContaining("(1 -> 0)").hasMessageContaining("'contains'");
    assertThatThrownBy(() -> removal.removeEdges(CONTAINS, new int[] {9}, new int[] {0}))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("node 9 of type 'playlist'");
    assertThatThrownBy(() -> removal.removeMasked(CONTAINS, new boolean[3]))
        .hasMessageContaining("needs 10 entries (got 3)");
    BitSet beyond = new BitSet();
    beyond.set(10);
    assertThatThrownBy(() -> removal.removePositions(CONTAINS, beyond))
        .hasMessageContaining("position 10").hasMessageContaining("[0, 10)");
    assertThatThrownBy(() -> removal.detachNodes(PLAYLIST, new int[] {0}, List.of(BY_ARTIST)))
        .hasMessageContaining("'by_artist'").hasMessageContaining("does not touch node type 'playlist'");
    assertThat(removal.removedCount(CONTAINS)).isZero();
  }
}
