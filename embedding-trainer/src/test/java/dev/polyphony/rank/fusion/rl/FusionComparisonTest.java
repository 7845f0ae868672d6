package dev.polyphony.rank.fusion.rl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.rank.session.SatisfactionConfig;
import dev.polyphony.rank.session.SessionWorldConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionComparisonTest {
  private static final FusionComparisonConfig SMALL = new FusionComparisonConfig(
      new SessionWorldConfig(600, 100, 6, 8, 30, 5, 20, 0.7, 0.2, 0.3, 0.8, -2.5, -2.5, 3),
      SatisfactionConfig.defaults(), 0.5, 300, 200, 40, FittedQConfig.defaults(), List.of(1L, 2L));

  @Test
  void servesEveryPolicyToTheSameUsersAndSummarisesOverSeeds() {
    FusionComparison.Result result = new FusionComparison(SMALL).run();

    assertThat(result.summaries()).extracting(FusionComparison.Summary::policy).containsExactly("fixed product",
        "CEM-searched", "behaviour", "learned (fitted-Q)", "best fixed action (simulator reference)");
    for (FusionComparison.SeedRun run : result.runs()) {
      assertThat(run.grid()).hasSize(12);
      FusionComparison.PolicyRun product = run.policies().get(0);
      FusionComparison.PolicyRun searched = run.policies().get(1);
      FusionComparison.PolicyRun best = run.policies().get(4);
      // The reference is the best of the grid, the product among it.
      assertThat(best.onPolicy().meanReturn()).isGreaterThanOrEqualTo(product.onPolicy().meanReturn());
      // The searched fusion has no diversity term and is not a grid action, so it has no off-policy estimate.
      assertThat(searched.action()).endsWith("diversity 0.00");
      assertThat(searched.wis()).isNaN();
      assertThat(product.fqe()).isFinite();
      // The behaviour policy's weighted importance sampling estimate is its held-out log's mean return.
      assertThat(run.policies().get(2).wisEffectiveSessions()).isEqualTo(300.0);
    }
    assertThat(result.summaries().get(0).sessionReturn().n()).isEqualTo(2);

    FusionComparison.Result again = new FusionComparison(SMALL).run();
    for (int i = 0; i < result.summaries().size(); i++) {
      assertThat(again.summaries().get(i)).isEqualTo(result.summaries().get(i));
    }
  }
}
