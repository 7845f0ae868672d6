package dev.polyphony.rank.compare;

import java.util.List;
import java.util.Map;

/**
 * A head's results over all seeds.
 *
 * @param head the head's label
 * @param parameters trainable scalars
 * @param tasks per-task metrics, mean and std over seeds
 * @param ndcg test NDCG@k of the fused ranking
 * @param objective test long-term objective of the fused ranking
 * @param exposures test top-k share per trait label
 * @param productNdcg test NDCG@k of the product of task probabilities
 * @param epochs epochs run
 * @param trainSeconds training wall time
 * @param scoredPerSecond test impressions scored per second
 * @param runs every run
 */
public record HeadSummary(String head, long parameters, List<TaskSummary> tasks, MeanStd ndcg, MeanStd objective,
    Map<String, MeanStd> exposures, MeanStd productNdcg, MeanStd epochs, MeanStd trainSeconds, MeanStd scoredPerSecond,
    List<RunResult> runs) {

  /** The summary of task {@code name}. */
  public TaskSummary task(String name) {
    return tasks.stream().filter(t -> t.task().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no task '" + name + "' in " + head));
  }

  /**
   * One task over seeds.
   *
   * @param task task name
   * @param auc entire-space AUC
   * @param conditionalAuc AUC given the parent, over parent positives (conversion steps)
   * @param calibrationError expected calibration error
   * @param meanPredicted mean predicted probability
   * @param observedRate share of positives on test
   * @param jointRmse error against true entire-space probabilities (synthetic)
   * @param conditionalRmse error against true conditional probabilities over the entire space (synthetic)
   */
  public record TaskSummary(String task, MeanStd auc, MeanStd conditionalAuc, MeanStd calibrationError,
      MeanStd meanPredicted, double observedRate, MeanStd jointRmse, MeanStd conditionalRmse) {}
}
