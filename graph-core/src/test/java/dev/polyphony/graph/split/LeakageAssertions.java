package dev.polyphony.graph.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import java.util.HashSet;
import java.util.Set;

/** Checks shared by the split tests: held-out edges are absent, everything else is intact. */
final class LeakageAssertions {
  private LeakageAssertions() {}

  /** No edge of {@code heldOut} is in {@code graph}, looked up in both directions. */
  static void assertAbsent(HeteroGraph graph, EdgeList heldOut) {
    CsrAdjacency out = graph.out(heldOut.type());
    CsrAdjacency in = graph.in(heldOut.type());
    for (int i = 0; i < heldOut.size(); i++) {
      int s = heldOut.src()[i];
      int d = heldOut.dst()[i];
      assertThat(out.contains(s, d)).as("held-out %s %d -> %d in out CSR", heldOut.type().relation(), s, d)
          .isFalse();
      assertThat(in.contains(d, s)).as("held-out %s %d -> %d in in CSR", heldOut.type().relation(), s, d)
          .isFalse();
    }
  }

  /**
   * {@code derived} holds exactly the edges of {@code source} minus {@code heldOut} for the relation, with
   * the source's weights and timestamps, and the held-out list carries the source's values too.
   */
  static void assertSourceMinus(HeteroGraph source, HeteroGraph derived, EdgeList heldOut) {
    EdgeType type = heldOut.type();
    Set<Long> removed = new HashSet<>();
    CsrAdjacency src = source.out(type);
    for (int i = 0; i < heldOut.size(); i++) {
      int s = heldOut.src()[i];
      int d = heldOut.dst()[i];
      int p = EdgeRemoval.positionOf(src, s, d);
      assertThat(p).as("held-out %d -> %d exists in the source", s, d).isGreaterThanOrEqualTo(0);
      if (heldOut.weights() != null) {
        assertThat(heldOut.weights()[i]).isEqualTo(src.weight(p));
      }
      if (heldOut.timestamps() != null) {
        assertThat(heldOut.timestamps()[i]).isEqualTo(src.timestamp(p));
      }
      assertThat(removed.add(key(s, d))).as("held-out %d -> %d listed once", s, d).isTrue();
    }
    CsrAdjacency out = derived.out(type);
    CsrAdjacency in = derived.in(type);
    assertThat(out.edgeCount()).isEqualTo(src.edgeCount() - removed.size());
    assertThat(in.edgeCount()).isEqualTo(out.edgeCount());
    for (int u = 0; u < src.rowCount(); u++) {
      for (int p = src.start(u); p < src.end(u); p++) {
        int v = src.target(p);
        boolean kept = !removed.contains(key(u, v));
        assertThat(out.contains(u, v)).as("%s %d -> %d kept", type.relation(), u, v).isEqualTo(kept);
        assertThat(in.contains(v, u)).as("%s %d <- %d kept", type.relation(), v, u).isEqualTo(kept);
        if (kept) {
          int q = EdgeRemoval.positionOf(out, u, v);
          assertThat(out.weight(q)).isEqualTo(src.weight(p));
          if (src.hasTimestamps()) {
            assertThat(out.timestamp(q)).isEqualTo(src.timestamp(p));
          }
        }
      }
    }
  }

  /** Ids, features and attributes of every node type are the source's own. */
  static void assertNodesUnchanged(HeteroGraph source, HeteroGraph derived) {
    for (NodeType t : source.schema().nodeTypes()) {
      assertThat(derived.ids(t)).isSameAs(source.ids(t));
      assertThat(derived.features(t)).isEqualTo(source.features(t));
      assertThat(derived.attributes(t)).isSameAs(source.attributes(t));
    }
  }

  private static long key(int s, int d) {
    return ((long) s << 32) | (d & 0xffffffffL);
  }
}
