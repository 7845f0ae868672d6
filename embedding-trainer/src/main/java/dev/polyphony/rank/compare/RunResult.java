package dev.polyphony.rank.compare;

import dev.polyphony.rank.eval.TaskMetrics;
import java.util.List;
import java.util.Map;

/**
 * One trained head under one seed, measured on the test impressions.
 *
 * @param seed the run seed
 * @param epochs epochs run
 * @param bestEpoch the epoch whose weights were kept
 * @param validationAuc its mean AUC over tasks on validation impressions
 * @param trainSeconds wall time of training
 * @param scoredPerSecond test impressions scored per second (one forward pass over all of them)
 * @param tasks per-task test metrics
 * @param fusion the fused ranking's outcome
 */
public record RunResult(long seed, int epochs, int bestEpoch, double validationAuc, double trainSeconds,
    double scoredPerSecond, List<TaskMetrics> tasks, FusionOutcome fusion) {

  /**
   * Score fusion of one run: weights searched on validation impressions, then applied to the test ones.
   *
   * @param taskWeights weight per task
   * @param traitWeights weight per exposure trait label
   * @param validationObjective the long-term objective reached on validation
   * @param testObjective the objective on test
   * @param testNdcg the test NDCG@k of the fused ranking
   * @param testExposures the test top-k share per trait label
   * @param productNdcg test NDCG@k of the plain product of task probabilities, for reference
   */
  public record FusionOutcome(double[] taskWeights, Map<String, Double> traitWeights, double validationObjective,
      double testObjective, double testNdcg, Map<String, Double> testExposures, double productNdcg) {}
}
