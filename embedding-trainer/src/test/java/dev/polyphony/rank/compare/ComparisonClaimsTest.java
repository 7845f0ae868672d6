package dev.polyphony.rank.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonClaimsTest {
  private static final MeanStd NONE = new MeanStd(Double.NaN, Double.NaN, 0);

  private static HeadSummary head(String label, double clickAuc, double saveAuc, double saveGivenClick,
      double saveRmse, double std) {
    HeadSummary.TaskSummary click = new HeadSummary.TaskSummary("click", new MeanStd(clickAuc, std, 3), NONE, NONE,
        NONE, 0.1, NONE, NONE);
    HeadSummary.TaskSummary save = new HeadSummary.TaskSummary("save", new MeanStd(saveAuc, std, 3),
        new MeanStd(saveGivenClick, std, 3), NONE, NONE, 0.01, NONE, new MeanStd(saveRmse, std, 3));
    return new HeadSummary(label, 0, List.of(click, save), NONE, NONE, Map.of(), NONE, NONE, NONE, NONE, List.of());
  }

  @Test
  void gatedHeadsMustNotLoseOnAnyTask() {
    List<DatasetComparison.Claim> claims = ComparisonClaims.check(List.of("click", "save"), List.of("save"), List.of(
        head("shared-bottom", 0.80, 0.70, 0.6, 0.1, 0.01),
        head("mmoe", 0.81, 0.70, 0.6, 0.1, 0.01),
        head("ple", 0.81, 0.695, 0.6, 0.1, 0.01)));

    assertThat(claims).extracting(DatasetComparison.Claim::verdict)
        .containsExactly(ComparisonClaims.HOLDS, ComparisonClaims.WITHIN_NOISE);
    assertThat(claims.get(1).detail()).isEqualTo("click AUC +0.0100 (std 0.0100); save AUC -0.0050 (std 0.0100)");
  }

  @Test
  void funnelHeadsMustBeatTheClickedOnlyModelOnConversionSteps() {
    List<DatasetComparison.Claim> claims = ComparisonClaims.check(List.of("click", "save"), List.of("save"), List.of(
        head("clicked-only", 0.8, 0.7, 0.60, 0.10, 0.001),
        head("esmm", 0.8, 0.7, 0.65, 0.08, 0.001),
        head("aitm", 0.8, 0.7, 0.55, 0.08, 0.001)));

    assertThat(claims).extracting(DatasetComparison.Claim::statement).containsExactly(
        "esmm beats the clicked-only conversion model on conversion steps",
        "aitm beats the clicked-only conversion model on conversion steps");
    assertThat(claims).extracting(DatasetComparison.Claim::verdict)
        .containsExactly(ComparisonClaims.HOLDS, ComparisonClaims.MIXED);
    assertThat(claims.get(1).detail())
        .isEqualTo("save AUC given parent -0.0500 (std 0.0010); save conditional RMSE -0.0200 (std 0.0010)");
  }

  @Test
  void claimsNeedTheirHeads() {
    assertThat(ComparisonClaims.check(List.of("click"), List.of(), List.of(head("mmoe", 0.8, 0.7, 0.6, 0.1, 0))))
        .isEmpty();
  }
}
