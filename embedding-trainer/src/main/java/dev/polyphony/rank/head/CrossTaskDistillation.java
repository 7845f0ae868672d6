package dev.polyphony.rank.head;

import dev.polyphony.rank.RankingTasks;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cross-task knowledge distillation after Yang, Pan, Gao, Jiang, Liu and Chen ("Cross-Task Knowledge
 * Distillation in Multi-Task Recommendation", AAAI 2022), as an addition to any head: teacher and student
 * train together in one graph.
 *
 * <ul>
 *   <li>Teacher: per task a tower on the head's task representation (read without passing gradients back
 *       into it) gives a ranking score {@code s_t},
 *       trained with a graded pairwise loss over the four label combinations of the task and its partner
 *       ({@link RankingTasks#partner}): level {@code 2 y_t + y_partner}, so for a click task a clicked and
 *       saved item ranks above a clicked one, which ranks above the rest (the paper's quadruplet order).
 *       Loss: mean over pairs with {@code level_i > level_j} of {@code -ln sigmoid(s_i - s_j)}, over the
 *       pairs among the first {@link DistillationConfig#pairRows()} rows of a batch.
 *   <li>Calibration: {@code q_t = sigmoid(a_t s_t + c_t)} with {@code a_t = softplus(alpha_t) > 0}, so
 *       order is kept, fitted to the hard labels with the scores held fixed (no gradient into the teacher).
 *   <li>Error correction (our reading of the paper's mechanism): a calibrated target on the wrong side of
 *       the task's training base rate (a positive below it, a negative above it) is replaced by the hard
 *       label, so the student is not taught the teacher's mistakes while both are still learning.
 *   <li>Distillation: {@code weight * sum_t BCE(p_t, target_t)} on the student's trained outputs, with the
 *       targets held fixed.
 * </ul>
 * All terms use the rows and outputs the head's own task loss uses (its loss mask), so a head that learns
 * conversion steps on parent positives only is taught on those rows too.
 */
public final class CrossTaskDistillation {
  /** Diagnostic name of the calibrated teacher probabilities {@code [batch, tasks]}. */
  public static final String TEACHER = "teacher";
  /** Calibrator slopes start at softplus(alpha) = 1. */
  private static final float SLOPE_START = (float) Math.log(Math.E - 1);

  private final DistillationConfig config;
  private final int towerDim;

  public CrossTaskDistillation(DistillationConfig config, int towerDim) {
    this.config = Objects.requireNonNull(config, "config");
    Widths.requirePositive("towerDim", towerDim);
    this.towerDim = towerDim;
  }

  public DistillationConfig config() {
    return config;
  }

  /**
   * Builds the teacher and returns the scalar loss to add.
   *
   * @param trained the student's trained outputs {@code [batch, tasks]} (probabilities)
   * @param labels hard labels {@code [batch, tasks]}
   * @param mask rows each task's loss counts {@code [batch, tasks]}
   * @param levels graded levels of {@link #levels} {@code [batch, tasks]}
   * @param baseRates per task the positive rate among its training rows
   * @param diagnostics receives {@value #TEACHER}
   */
  public SDVariable build(HeadBuilder b, TaskStack representation, SDVariable trained, SDVariable labels, SDVariable mask,
      SDVariable levels, double[] baseRates, Map<String, SDVariable> diagnostics) {
    SameDiff sd = b.sameDiff();
    int t = b.taskCount();
    if (baseRates.length != t) {
      throw new IllegalArgumentException("baseRates must have one rate per task (" + t + "), got " + baseRates.length);
    }
    // The teacher reads the student's representation without training it: distillation reaches the student
    // through the distillation loss only, so switching it on leaves the head's own learning signal intact.
    TaskStack frozen = new TaskStack(b.stopGradient(representation.value()), representation.width(),
        representation.perTask());
    SDVariable scores = b.towerLogits("teacher", frozen, towerDim);
    int m = config.pairRows();
    SDVariable ranking = rankingLoss(sd, sd.slice(scores, new int[] {0, 0}, m, t),
        sd.slice(levels, new int[] {0, 0}, m, t), sd.slice(mask, new int[] {0, 0}, m, t));

    SDVariable slope = sd.nn().softplus(b.parameters().filled("calibrator_alpha", new long[] {1, t}, SLOPE_START));
    SDVariable offset = b.parameters().filled("calibrator_c", new long[] {1, t}, 0f);
    SDVariable calibrated = b.sigmoid(b.stopGradient(scores).mul(slope).add(offset));
    diagnostics.put(TEACHER, calibrated);
    SDVariable calibration = Losses.maskedBce(sd, calibrated, labels, mask);

    SDVariable target = b.stopGradient(calibrated);
    if (config.errorCorrection()) {
      float[] rates = new float[t];
      for (int k = 0; k < t; k++) {
        rates[k] = (float) baseRates[k];
      }
      SDVariable rate = sd.constant(Nd4j.create(rates, new long[] {1, t}, 'c'));
      SDVariable agrees = labels.mul(sd.math().step(target.sub(rate), 0))
          .add(labels.rsub(1).mul(sd.math().step(rate.sub(target), 0)));
      target = b.stopGradient(agrees.mul(target).add(agrees.rsub(1).mul(labels)));
    }
    SDVariable distillation = Losses.maskedBce(sd, trained, target, mask);
    return ranking.mul(config.rankingWeight()).add(calibration).add(distillation.mul(config.weight()));
  }

  /**
   * Sum over tasks of the mean over ordered pairs (i, j) of masked rows with {@code level_i > level_j} of
   * {@code softplus(-(s_i - s_j))}; one more pair in the denominator keeps a batch without pairs at 0.
   */
  static SDVariable rankingLoss(SameDiff sd, SDVariable scores, SDVariable levels, SDVariable mask) {
    SDVariable s = sd.transpose(scores);
    SDVariable l = sd.transpose(levels);
    SDVariable m = sd.transpose(mask);
    // [tasks, batch, 1] against [tasks, 1, batch]: every pair of one task at once.
    SDVariable scoreGap = sd.expandDims(s, 2).sub(sd.expandDims(s, 1));
    SDVariable ordered = sd.math().step(sd.expandDims(l, 2).sub(sd.expandDims(l, 1)), 0)
        .mul(sd.expandDims(m, 2)).mul(sd.expandDims(m, 1));
    SDVariable pairLoss = sd.nn().softplus(scoreGap.neg()).mul(ordered);
    return pairLoss.sum(1, 2).div(ordered.sum(1, 2).add(1)).sum();
  }

  /** Graded levels {@code 2 y_t + y_partner(t)} of rows with the given labels ({@code rows x tasks}). */
  public static float[] levels(RankingTasks tasks, byte[] labels, int rows) {
    int t = tasks.count();
    float[] out = new float[rows * t];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < t; k++) {
        int partner = tasks.partner(k);
        out[r * t + k] = 2 * labels[r * t + k] + (partner >= 0 ? labels[r * t + partner] : 0);
      }
    }
    return out;
  }
}
