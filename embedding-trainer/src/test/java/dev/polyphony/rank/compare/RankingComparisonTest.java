package dev.polyphony.rank.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.ImpressionSplit;
import dev.polyphony.rank.RankFixtures;
import dev.polyphony.rank.RankTrainConfig;
import dev.polyphony.rank.fusion.CrossEntropyMethod;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RankingComparisonTest {
  private static DatasetComparison result;

  @BeforeAll
  static void compare() {
    ImpressionLog log = RankFixtures.synthetic(RankFixtures.smallFunnel().withUsers(300));
    ImpressionSplit split = ImpressionSplit.byQuery(log, 0.7, 0.15, 1);
    RankingComparisonConfig config = RankingComparisonConfig.defaults()
        .withHeads(List.of(HeadConfig.parse("shared-bottom"), HeadConfig.parse("esmm")))
        .withSeeds(2, 1)
        .withTraining(new RankTrainConfig(2, 1024, 0.005, 0, 2, 1))
        .withFusion(new CrossEntropyMethod(8, 0.25, 3, 0.7, 0.02, 1), "esmm", new double[] {0, 1});
    result = new RankingComparison(config).run("synthetic", "a small funnel", split, ProgressTracker.NONE);
  }

  @Test
  void summarisesEveryHeadOverEverySeed() {
    assertThat(result.heads()).extracting(HeadSummary::head).containsExactly("shared-bottom", "esmm");
    HeadSummary esmm = result.head("esmm").orElseThrow();
    assertThat(esmm.runs()).extracting(RunResult::seed).containsExactly(1L, 2L);
    assertThat(esmm.task("click").auc().n()).isEqualTo(2);
    assertThat(esmm.task("click").conditionalAuc().present()).isFalse();
    assertThat(esmm.task("save").conditionalAuc().n()).isEqualTo(2);
    assertThat(esmm.task("save").conditionalRmse().n()).isEqualTo(2);
    assertThat(esmm.exposures()).containsOnlyKeys("tail", "fresh", "margin");
    assertThat(esmm.runs().get(0).tasks().get(0).auc()).isNotEqualTo(esmm.runs().get(1).tasks().get(0).auc());
    assertThat(result.conversionTasks()).containsExactly("save", "subscribe");
    assertThat(result.oracleAuc()).containsOnlyKeys("click", "save", "subscribe");
  }

  @Test
  void tracesTheTradeOffOfTheChosenHead() {
    assertThat(result.tradeOffHead()).isEqualTo("esmm");
    assertThat(result.tradeOff()).extracting(DatasetComparison.TradeOffRow::credit).containsExactly(0.0, 1.0);
    assertThat(result.tradeOff().get(1).validationExposure())
        .isGreaterThanOrEqualTo(result.tradeOff().get(0).validationExposure());
  }

  @Test
  void theMarkdownHasEveryTable() {
    String md = ComparisonMarkdown.format(List.of(result), "./polyphony rank --seeds 2", 2, 1);
    assertThat(md).contains("# Ranking heads compared", "Reproduce with `./polyphony rank --seeds 2`",
        "## synthetic: click -> save -> subscribe", "| head | click | save | subscribe | save given parent |",
        "| *true probabilities* |", "### Fused ranking", "### Trade-off: esmm, credit for tail exposure",
        "| esmm | ");
    assertThat(md).doesNotContain("### Claims");
  }
}
