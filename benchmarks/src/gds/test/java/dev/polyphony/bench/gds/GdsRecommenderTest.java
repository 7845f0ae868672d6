package dev.polyphony.bench.gds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GdsRecommenderTest {

  @Test
  void takesTheTrackRowsAndScalesThemToUnitLength() {
    // Three nodes of width 2; the tracks are nodes 1 and 2; node 2 is all zeros and stays so.
    float[] all = {9, 9, 3, 4, 0, 0};
    assertThat(GdsRecommender.unitRows(all, 1, 2, 2)).containsExactly(0.6f, 0.8f, 0f, 0f);
  }
}
