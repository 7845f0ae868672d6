package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.eval.EvaluationConfig;
import dev.polyphony.eval.EvaluationProtocol;
import dev.polyphony.eval.EvaluationReport;
import dev.polyphony.eval.EvaluationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommenderComparisonTest {
  private static EvaluationReport report() {
    return new EvaluationReport(EvaluationConfig.defaults(1),
        List.of(new EvaluationReport.Recommender("popularity", Map.of()),
            new EvaluationReport.Recommender("graphsage", Map.of("dim", 64))),
        List.of(
            new EvaluationResult("popularity", EvaluationProtocol.WARM, 10, 40, 0.1, 0.2, 0.15),
            new EvaluationResult("graphsage", EvaluationProtocol.WARM, 10, 40, 0.2, 0.4, 0.3),
            new EvaluationResult("popularity", EvaluationProtocol.CONTINUATION_ALL_TRACKS, 10, 50, 0.1, 0.2, 0.1),
            new EvaluationResult("popularity", EvaluationProtocol.COLD, 5, 9, 0.01, 0.02, 0.03),
            new EvaluationResult("graphsage", EvaluationProtocol.COLD, 5, 9, 0.05, 0.25, 0.2)));
  }

  @Test
  void takesWarmAndColdResultsByDefault() {
    RecommenderComparison c = RecommenderComparison.from(report());

    assertThat(c.rows()).containsExactly(
        new RecommenderComparison.Row("popularity", "warm", 10, 0.1, 0.2, 0.15),
        new RecommenderComparison.Row("graphsage", "warm", 10, 0.2, 0.4, 0.3),
        new RecommenderComparison.Row("popularity", "cold", 5, 0.01, 0.02, 0.03),
        new RecommenderComparison.Row("graphsage", "cold", 5, 0.05, 0.25, 0.2));
    assertThat(c.recommenders()).containsExactly("popularity", "graphsage");
    assertThat(c.protocols()).containsExactly("warm", "cold");
  }

  @Test
  void leavesOutProtocolsTheReportDidNotRun() {
    RecommenderComparison c = RecommenderComparison.from(report(),
        List.of(EvaluationProtocol.COLD_ALL_TRACKS, EvaluationProtocol.CONTINUATION_ALL_TRACKS));
    assertThat(c.rows()).containsExactly(
        new RecommenderComparison.Row("popularity", "continuation, all tracks", 10, 0.1, 0.2, 0.1));
  }

  @Test
  void metricsMustBeShares() {
    assertThatThrownBy(() -> new RecommenderComparison.Row("a", "warm", 1, 0.1, 1.5, 0.1))
        .hasMessage("recallAt50 must be in [0, 1] (got 1.5)");
  }
}
