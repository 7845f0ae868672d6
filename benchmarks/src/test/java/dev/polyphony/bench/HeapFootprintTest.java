package dev.polyphony.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.CsrAdjacency;
import org.junit.jupiter.api.Test;

class HeapFootprintTest {

  /** Two fields sharing one array, a nested holder and an object array. */
  static final class Holder {
    final int[] a = new int[10];
    final int[] sameAsA = a;
    final Inner inner = new Inner();
    final Object[] more = {new long[3], new Inner(), null};
    final int primitive = 5;
  }

  static final class Inner {
    final float[] f = new float[4];
    final byte[] b = new byte[7];
  }

  @Test
  void sumsEveryReachablePrimitiveArrayOnce() {
    // a: 40, inner: 16 + 7, more: long[3] 24 and another Inner 23.
    assertThat(HeapFootprint.arrayBytes(new Holder())).isEqualTo(40 + 23 + 24 + 23);
  }

  @Test
  void agreesWithCsrAdjacencyBytes() {
    CsrAdjacency csr = CsrAdjacency.fromEdges(3, 4, new int[] {0, 0, 2, 1}, new int[] {3, 1, 1, 2},
        new float[] {1f, 2f, 3f, 4f}, new long[] {1, 2, 3, 4}, 4).adjacency();

    assertThat(HeapFootprint.arrayBytes(csr)).isEqualTo(csr.bytes()).isEqualTo(4 * 4 + 4 * 4 + 4 * 4 + 8 * 4);
  }

  @Test
  void doesNotEnterJdkObjects() {
    assertThat(HeapFootprint.arrayBytes(new java.util.ArrayList<>(java.util.List.of(1, 2, 3)))).isZero();
  }
}
