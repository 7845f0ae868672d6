package dev.polyphony.graph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.CsrAdjacency;
import org.junit.jupiter.api.Test;

class DegreeSummaryTest {

  /** A CSR whose row u has degree {@code degrees[u]} (targets are irrelevant here: 0..d-1). */
  private static CsrAdjacency withDegrees(int... degrees) {
    int[] offsets = new int[degrees.length + 1];
    for (int u = 0; u < degrees.length; u++) {
      offsets[u + 1] = offsets[u] + degrees[u];
    }
    int[] targets = new int[offsets[degrees.length]];
    int max = 0;
    for (int u = 0; u < degrees.length; u++) {
      for (int i = 0; i < degrees[u]; i++) {
        targets[offsets[u] + i] = i;
      }
      max = Math.max(max, degrees[u]);
    }
    return new CsrAdjacency(offsets, targets, null, null, Math.max(1, max));
  }

  @Test
  void nearestRankPercentilesOnOneToTwoHundred() {
    int[] degrees = new int[200];
    for (int i = 0; i < 200; i++) {
      degrees[i] = 200 - i;
    }
    // Sorted 1..200: median rank ceil(100) = 100 -> 100; p99 rank ceil(198) = 198 -> 198.
    assertThat(DegreeSummary.of(withDegrees(degrees)))
        .isEqualTo(new DegreeSummary(200, 1, 100, 198, 200, 100.5, 0));
  }

  @Test
  void medianIsTheLowerMiddleForAnEvenCount() {
    assertThat(DegreeSummary.of(withDegrees(4, 0, 2, 0))).isEqualTo(new DegreeSummary(4, 0, 0, 4, 4, 1.5, 2));
  }

  @Test
  void p99OfASmallSampleIsItsMaximum() {
    assertThat(DegreeSummary.of(withDegrees(3, 1, 7, 5, 2)).p99()).isEqualTo(7);
  }

  @Test
  void noRowsGivesZeros() {
    assertThat(DegreeSummary.of(CsrAdjacency.empty(0, 3, false, false)))
        .isEqualTo(new DegreeSummary(0, 0, 0, 0, 0, 0.0, 0));
  }
}
