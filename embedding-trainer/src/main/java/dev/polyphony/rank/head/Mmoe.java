package dev.polyphony.rank.head;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Multi-gate Mixture-of-Experts (Ma, Zhao, Yi, Chen, Hong and Chi, "Modeling Task Relationships in
 * Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018).
 *
 * <p>Experts {@code f_e(x) = relu(x W_e + b_e)}, {@code e = 1..experts}, shared by all tasks; per task k
 * and per sample a gate {@code g^k(x) = softmax(x W_gk + b_gk)} over the experts (diagnostic {@value #GATES},
 * {@code [batch, tasks, experts]}); task input {@code f^k(x) = sum_e g^k(x)_e f_e(x)}; output
 * {@code p_k = sigmoid(tower_k(f^k(x)))}.
 *
 * @param experts number of shared experts
 * @param expertDim width of each expert
 * @param towerDim width of each tower's hidden layer
 */
public record Mmoe(int experts, int expertDim, int towerDim) implements HeadArchitecture {
  /** Diagnostic name of the gate weights. */
  public static final String GATES = "gates";

  public Mmoe {
    Widths.requirePositive("experts", experts);
    Widths.requirePositive("expertDim", expertDim);
    Widths.requirePositive("towerDim", towerDim);
  }

  @Override
  public HeadOutputs build(HeadBuilder b, SDVariable x, int featureCount) {
    int t = b.taskCount();
    var sd = b.sameDiff();
    SDVariable expertOut = sd.reshape(b.relu(b.dense("experts", x, featureCount, experts * expertDim)), -1, experts,
        expertDim);
    SDVariable gateLogits = sd.reshape(b.dense("gates", x, featureCount, t * experts), -1, t, experts);
    SDVariable gates = sd.nn().softmax(gateLogits, 2);
    SDVariable mixed = sd.permute(sd.mmul(gates, expertOut), 1, 0, 2);
    TaskStack perTask = TaskStack.perTask(mixed, expertDim);
    SDVariable p = b.sigmoid(b.towerLogits("tower", perTask, towerDim));
    return new HeadOutputs(p, null, perTask, null, Map.of(GATES, gates));
  }
}
