package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalksTest {
  private final SmallGraphs.Catalog c = new SmallGraphs.Catalog();

  @Test
  void exposesWalksPositionsAndTypes() {
    Walks w = new Walks(c.schema, new int[] {0, 3, 4}, new int[] {4, 2, 3, 5}, new byte[] {1, 0, 1, 1});

    assertThat(w.walkCount()).isEqualTo(2);
    assertThat(w.length(0)).isEqualTo(3);
    assertThat(w.walk(0)).containsExactly(4, 2, 3);
    assertThat(w.type(0, 1)).isEqualTo(c.playlist);
    assertThat(w.start(1)).isEqualTo(5);
    assertThat(w.positionCount()).isEqualTo(4);
    assertThat(w.stepCount()).isEqualTo(2);
    assertThat(w.bytes()).isEqualTo(12 + 16 + 4);
  }

  @Test
  void inconsistentArraysAreRefused() {
    assertThatThrownBy(() -> new Walks(c.schema, new int[] {0, 2}, new int[] {1}, new byte[] {1}))
        .hasMessageContaining("end at the number of nodes (1)");
    assertThatThrownBy(() -> new Walks(c.schema, new int[] {0, 0, 1}, new int[] {1}, new byte[] {1}))
        .hasMessageContaining("walk 0 is empty");
    assertThatThrownBy(() -> new Walks(c.schema, new int[] {0, 1}, new int[] {1}, new byte[] {3}))
        .hasMessageContaining("node type index 3");
    assertThatThrownBy(() -> new Walks(c.schema, new int[] {0, 1}, new int[] {1}, new byte[] {1, 1}))
        .hasMessageContaining("types length 2 != nodes 1");
  }
}
