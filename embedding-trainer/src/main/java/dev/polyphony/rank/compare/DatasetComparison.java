package dev.polyphony.rank.compare;

import java.util.List;
import java.util.Map;

/**
 * Every head compared on one data set.
 *
 * @param dataset short name
 * @param description how the impressions were made
 * @param tasks the task set, as {@code click -> save -> subscribe}
 * @param taskNames task names in order
 * @param conversionTasks names of the tasks with a parent
 * @param trainImpressions training impressions
 * @param validationImpressions validation impressions
 * @param testImpressions test impressions
 * @param testPositiveRates share of positives per task on test
 * @param oracleAuc on synthetic data, per task the AUC of the true probabilities (the ceiling); else empty
 * @param heads per head the results
 * @param tradeOffHead head whose fusion trade-off was traced, or {@code null}
 * @param tradeOffTrait the trait whose credit varied
 * @param tradeOff the trade-off curve
 * @param claims the papers' claims checked against these results
 */
public record DatasetComparison(String dataset, String description, String tasks, List<String> taskNames,
    List<String> conversionTasks, int trainImpressions, int validationImpressions, int testImpressions,
    Map<String, Double> testPositiveRates, Map<String, Double> oracleAuc, List<HeadSummary> heads, String tradeOffHead,
    String tradeOffTrait, List<TradeOffRow> tradeOff, List<Claim> claims) {

  /** The summary of head {@code label}, if it was compared. */
  public java.util.Optional<HeadSummary> head(String label) {
    return heads.stream().filter(h -> h.head().equals(label)).findFirst();
  }

  /**
   * A point of the fusion trade-off: the weights found with {@code credit} on the trait, and what they reach.
   *
   * @param credit the trait's credit in the objective
   * @param taskWeights task weights found
   * @param traitWeights trait weights found, by label
   * @param validationNdcg NDCG@k on validation
   * @param validationExposure the trait's top-k share on validation
   * @param testNdcg NDCG@k on test
   * @param testExposure the trait's top-k share on test
   */
  public record TradeOffRow(double credit, double[] taskWeights, Map<String, Double> traitWeights,
      double validationNdcg, double validationExposure, double testNdcg, double testExposure) {}

  /**
   * A claim of the papers and what our numbers say.
   *
   * @param statement the claim
   * @param verdict {@code holds}, {@code holds within noise}, {@code mixed} or {@code does not hold}
   * @param detail the differences behind the verdict
   */
  public record Claim(String statement, String verdict, String detail) {}
}
