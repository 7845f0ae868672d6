package dev.polyphony.rank.head;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Adaptive Information Transfer Multi-task framework (Xi, Chen, Liu, Zhu, Ling, Cai and Zhang, "Modeling
 * the Sequential Dependence among Audience Multi-step Conversions with Multi-task Learning in Targeted
 * Display Advertising", KDD 2021).
 *
 * <p>A shared layer stands for the paper's shared embedding; task t's tower gives
 * {@code q_t = relu(s W_t + b_t)}. For a task with a parent, the transferred information
 * {@code p_t = relu(z_parent W_tr + b_tr)} and {@code q_t} are fused by the AIT module:
 * {@code z_t = sum_{u in {p_t, q_t}} w_u h1(u)} with {@code w_u = softmax_u(<h2(u), h3(u)> / sqrt(d))} and
 * {@code h1, h2, h3} linear maps (diagnostic {@code attention_<task>} holds {@code w_{p_t}}); a task without
 * parent keeps {@code z_t = q_t}. Output {@code y_t = sigmoid(tower(z_t))}, the probability of the task's
 * event on the entire space.
 *
 * <p>The behavioural expectation calibrator adds {@code alpha * sum_t mean(max(y_t - y_parent(t), 0))} to the
 * loss ({@link #calibratorPenalty}), since a later funnel step cannot be likelier than the one before it.
 *
 * @param hiddenDim width of the shared layer, the task towers and the AIT module
 * @param towerDim width of the output towers' hidden layer
 * @param calibratorWeight the calibrator's weight {@code alpha}, {@code >= 0} (the paper uses 0.6)
 */
public record Aitm(int hiddenDim, int towerDim, double calibratorWeight) implements HeadArchitecture {
  /** Diagnostic name prefix of the attention weight on the transferred information, per task with parent. */
  public static final String ATTENTION = "attention_";
  /** Diagnostic name of the calibrator penalty before weighting. */
  public static final String CALIBRATOR = "calibrator";

  public Aitm {
    Widths.requirePositive("hiddenDim", hiddenDim);
    Widths.requirePositive("towerDim", towerDim);
    if (!(calibratorWeight >= 0) || Double.isInfinite(calibratorWeight)) {
      throw new IllegalArgumentException("calibratorWeight must be a finite number >= 0 (got " + calibratorWeight + ")");
    }
  }

  @Override
  public HeadOutputs build(HeadBuilder b, SDVariable x, int featureCount) {
    SameDiff sd = b.sameDiff();
    int t = b.taskCount();
    SDVariable shared = b.relu(b.dense("shared", x, featureCount, hiddenDim));
    SDVariable[] z = new SDVariable[t];
    Map<String, SDVariable> diagnostics = new LinkedHashMap<>();
    for (int k = 0; k < t; k++) {
      SDVariable q = b.relu(b.dense("tower_" + k, shared, hiddenDim, hiddenDim));
      if (!b.tasks().hasParent(k)) {
        z[k] = q;
        continue;
      }
      SDVariable info = b.relu(b.dense("transfer_" + k, z[b.tasks().parent(k)], hiddenDim, hiddenDim));
      String ait = "ait_" + k;
      SDVariable infoScore = attentionScore(b, ait, info);
      SDVariable ownScore = attentionScore(b, ait, q);
      SDVariable infoWeight = b.sigmoid(infoScore.sub(ownScore)); // two-way softmax
      diagnostics.put(ATTENTION + b.tasks().name(k), infoWeight);
      z[k] = b.linear(ait + "_value", info, hiddenDim, hiddenDim).mul(infoWeight)
          .add(b.linear(ait + "_value", q, hiddenDim, hiddenDim).mul(infoWeight.rsub(1)));
    }
    TaskStack fused = TaskStack.perTask(sd.stack(0, z), hiddenDim);
    SDVariable y = b.sigmoid(b.towerLogits("out", fused, towerDim));
    SDVariable violation = calibratorPenalty(b, y);
    SDVariable penalty = null;
    if (violation != null) {
      diagnostics.put(CALIBRATOR, violation);
      penalty = calibratorWeight > 0 ? violation.mul(calibratorWeight) : null;
    }
    return new HeadOutputs(y, null, fused, penalty, diagnostics);
  }

  /** {@code <h2(u), h3(u)> / sqrt(d)} as {@code [batch, 1]}. */
  private SDVariable attentionScore(HeadBuilder b, String ait, SDVariable u) {
    SDVariable key = b.linear(ait + "_key", u, hiddenDim, hiddenDim);
    SDVariable query = b.linear(ait + "_query", u, hiddenDim, hiddenDim);
    return key.mul(query).sum(true, 1).div(Math.sqrt(hiddenDim));
  }

  /**
   * {@code sum over tasks t with a parent of mean_batch(max(y_t - y_parent(t), 0))}, or {@code null} when
   * no task has a parent.
   *
   * @param y probabilities {@code [batch, tasks]}
   */
  public static SDVariable calibratorPenalty(HeadBuilder b, SDVariable y) {
    int t = b.taskCount();
    SDVariable total = null;
    for (int k = 0; k < t; k++) {
      if (b.tasks().hasParent(k)) {
        SDVariable excess = b.relu(b.column(y, k, t).sub(b.column(y, b.tasks().parent(k), t))).mean();
        total = total == null ? excess : total.add(excess);
      }
    }
    return total;
  }
}
