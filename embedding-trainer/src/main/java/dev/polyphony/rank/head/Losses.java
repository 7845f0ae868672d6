package dev.polyphony.rank.head;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Loss terms shared by the heads' training and distillation. */
public final class Losses {
  /** Probabilities are clipped to {@code [EPSILON, 1 - EPSILON]} before logarithms. */
  public static final double EPSILON = 1e-7;

  private Losses() {}

  /**
   * Sum over tasks of the mean over masked rows of binary cross-entropy, soft targets allowed:
   * {@code sum_t sum_i m_it BCE(p_it, y_it) / (sum_i m_it + 1e-6)} for {@code [batch, tasks]} inputs.
   */
  public static SDVariable maskedBce(SameDiff sd, SDVariable probabilities, SDVariable targets, SDVariable mask) {
    SDVariable p = sd.math().clipByValue(probabilities, EPSILON, 1 - EPSILON);
    SDVariable bce = targets.mul(sd.math().log(p)).add(targets.rsub(1).mul(sd.math().log(p.rsub(1)))).neg();
    return bce.mul(mask).sum(0).div(mask.sum(0).add(1e-6)).sum();
  }
}
