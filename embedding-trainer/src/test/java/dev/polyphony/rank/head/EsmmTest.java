package dev.polyphony.rank.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.HeadKind;
import dev.polyphony.rank.RankingHead;
import dev.polyphony.rank.RankingModel;
import org.junit.jupiter.api.Test;

class EsmmTest {
  private final RankingModel esmm = HeadTesting.model(HeadConfig.defaults(HeadKind.ESMM));
  private final float[] x = HeadTesting.rows(5, 1);

  @Test
  void ctcvrIsCtrTimesCvrDownTheFunnel() {
    float[] joint = esmm.predict(x, 5);
    float[] cvr = esmm.predictConditional(x, 5);

    assertThat(esmm.hasConditionalOutput()).isTrue();
    for (int r = 0; r < 5; r++) {
      assertThat(cvr[r * 3]).isEqualTo(joint[r * 3]);
      assertThat(joint[r * 3 + 1]).isCloseTo(joint[r * 3] * cvr[r * 3 + 1], within(1e-7f));
      assertThat(joint[r * 3 + 2]).isCloseTo(joint[r * 3 + 1] * cvr[r * 3 + 2], within(1e-7f));
    }
  }

  @Test
  void cvrEqualsCtcvrOverCtr() {
    float[] joint = esmm.predict(x, 5);
    float[] cvr = esmm.predictConditional(x, 5);
    float[] ratios = RankingHead.ratios(HeadTesting.FUNNEL, joint, 5);

    for (int i = 0; i < cvr.length; i++) {
      assertThat(ratios[i]).isCloseTo(cvr[i], within(1e-6f));
    }
  }

  @Test
  void conversionStepsAreNeverLikelierThanTheirParent() {
    float[] joint = esmm.predict(HeadTesting.rows(50, 2), 50);
    for (int r = 0; r < 50; r++) {
      assertThat(joint[r * 3 + 1]).isLessThanOrEqualTo(joint[r * 3]);
      assertThat(joint[r * 3 + 2]).isLessThanOrEqualTo(joint[r * 3 + 1]);
    }
  }
}
