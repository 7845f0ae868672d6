package dev.polyphony.rank.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadMetricsTest {
  private final ImpressionLog log = RankFixtures.tinyLog();
  // Rows: labels (1,0) (1,1) (0,0) (0,0) (1,1) (1,0); truth (0.1r+0.1, 0.5).
  private final float[] joint = {0.5f, 0.1f, 0.6f, 0.3f, 0.2f, 0.12f, 0.4f, 0.1f, 0.7f, 0.35f, 0.9f, 0.3f};
  private final float[] conditional = {0.5f, 0.2f, 0.6f, 0.5f, 0.2f, 0.6f, 0.4f, 0.25f, 0.7f, 0.5f, 0.9f, 0.33f};

  @Test
  void conversionAucCountsOnlyImpressionsWhoseParentIsPositive() {
    List<TaskMetrics> m = HeadMetrics.of(log, joint, conditional);

    // click: positives rows 0,1,4,5 (0.5 0.6 0.7 0.9) beat negatives 2,3 (0.2 0.4): 8 of 8 pairs.
    assertThat(m.get(0).auc()).isEqualTo(1.0);
    assertThat(m.get(0).conditionalAuc()).isNaN();
    // save given click, rows 0,1,4,5 with labels 0,1,1,0 and scores 0.2,0.5,0.5,0.33: positives 0.5, 0.5 beat
    // 0.2 and 0.33.
    assertThat(m.get(1).conditionalAuc()).isEqualTo(1.0);
    // save on the entire space: positives 0.3 and 0.35 against 0.1, 0.12, 0.1, 0.3: 7.5 of 8 pairs.
    assertThat(m.get(1).auc()).isEqualTo(7.5 / 8);
    assertThat(m.get(1).observedRate()).isEqualTo(2 / 6.0);
  }

  @Test
  void errorsAgainstTheTrueProbabilities() {
    List<TaskMetrics> m = HeadMetrics.of(log, joint, conditional);

    double clickSquares = 0;
    double saveJointSquares = 0;
    double saveConditionalSquares = 0;
    for (int r = 0; r < 6; r++) {
      double truthClick = 0.1 * (r + 1);
      clickSquares += Math.pow(joint[2 * r] - truthClick, 2);
      saveJointSquares += Math.pow(joint[2 * r + 1] - truthClick * 0.5, 2);
      saveConditionalSquares += Math.pow(conditional[2 * r + 1] - 0.5, 2);
    }
    assertThat(m.get(0).jointRmse()).isCloseTo(Math.sqrt(clickSquares / 6), within(1e-6));
    assertThat(m.get(0).conditionalRmse()).isNaN();
    assertThat(m.get(1).jointRmse()).isCloseTo(Math.sqrt(saveJointSquares / 6), within(1e-6));
    assertThat(m.get(1).conditionalRmse()).isCloseTo(Math.sqrt(saveConditionalSquares / 6), within(1e-6));
  }
}
