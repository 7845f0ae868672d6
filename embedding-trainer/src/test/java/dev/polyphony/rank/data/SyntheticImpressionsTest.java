package dev.polyphony.rank.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankFixtures;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import org.junit.jupiter.api.Test;

class SyntheticImpressionsTest {
  private final SyntheticImpressionsConfig config = RankFixtures.smallFunnel();
  private final ImpressionLog log = RankFixtures.synthetic(config);

  @Test
  void labelsFollowTheFunnel() {
    int broken = 0;
    for (int r = 0; r < log.rows(); r++) {
      broken += log.label(r, 1) > log.label(r, 0) || log.label(r, 2) > log.label(r, 1) ? 1 : 0;
    }
    assertThat(broken).isZero();
    assertThat(log.tasks()).isEqualTo(SyntheticImpressions.TASKS);
  }

  @Test
  void everyUserSeesDistinctTracks() {
    assertThat(log.queryCount()).isEqualTo(800);
    assertThat(log.rows()).isEqualTo(800 * 20);
    int repeats = 0;
    for (int q = 0; q < log.queryCount(); q++) {
      IntOpenHashSet items = new IntOpenHashSet();
      for (int r = log.queryStart(q); r < log.queryEnd(q); r++) {
        repeats += items.add(log.item(r)) ? 0 : 1;
      }
    }
    assertThat(repeats).isZero();
  }

  @Test
  void labelsAreDrawnFromTheTrueProbabilities() {
    // Law of large numbers: each step's observed rate lies within 4 standard errors of its mean true
    // probability, on the entire space for clicks and on the parent's positives for the later steps.
    for (int t = 0; t < 3; t++) {
      double expected = 0;
      double variance = 0;
      long rows = 0;
      long positives = 0;
      for (int r = 0; r < log.rows(); r++) {
        if (t == 0 || log.label(r, t - 1) == 1) {
          double p = log.trueConditional(r, t);
          expected += p;
          variance += p * (1 - p);
          positives += log.label(r, t);
          rows++;
        }
      }
      assertThat(rows).isGreaterThan(100);
      assertThat(Math.abs(positives - expected)).as("task " + t).isLessThan(4 * Math.sqrt(variance));
    }
  }

  @Test
  void conversionsAreSparseAsInTheEsmmSetting() {
    assertThat(log.positiveRate(0)).isBetween(0.05, 0.2);
    assertThat(log.positiveRate(1)).isBetween(0.005, 0.04);
    assertThat(log.positiveRate(2)).isGreaterThan(0.0).isLessThan(log.positiveRate(1));
  }

  @Test
  void carriesTheExposureTraits() {
    assertThat(log.traits()).containsExactly(ExposureTrait.TAIL_CREATOR, ExposureTrait.FRESH, ExposureTrait.MARGIN);
    float[] tail = log.trait(ExposureTrait.TAIL_CREATOR).orElseThrow();
    long tailRows = 0;
    long other = 0;
    for (float v : tail) {
      tailRows += v == 1f ? 1 : 0;
      other += v != 0f && v != 1f ? 1 : 0;
    }
    assertThat(tailRows).isPositive();
    assertThat(other).isZero();
    assertThat(log.featureNames()).hasSize(3 * 8 + 5).contains("dot", "tail_creator", "margin");
  }

  @Test
  void oneSeedGivesOneLog() {
    ImpressionLog again = SyntheticImpressions.generate(RankFixtures.catalog(), config);
    ImpressionLog other = SyntheticImpressions.generate(RankFixtures.catalog(), config.withSeed(8));

    assertThat(java.util.Arrays.equals(again.features(), log.features())).isTrue();
    int differences = 0;
    for (int r = 0; r < log.rows(); r++) {
      differences += again.item(r) != log.item(r) || again.trueConditional(r, 2) != log.trueConditional(r, 2)
          || again.label(r, 0) != log.label(r, 0) ? 1 : 0;
    }
    assertThat(differences).isZero();
    assertThat(java.util.Arrays.equals(other.features(), log.features())).isFalse();
  }

  @Test
  void rejectsMoreUsersThanTheCatalogHas() {
    assertThatThrownBy(() -> SyntheticImpressions.generate(RankFixtures.catalog(), config.withUsers(1501)))
        .hasMessage("the config asks for 1501 users but the catalog has 1500");
    assertThatThrownBy(() -> config.withTaskCorrelation(1.5))
        .hasMessage("taskCorrelation must be in [-1, 1] (got 1.5)");
  }
}
