package dev.polyphony.rank.head;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Entire Space Multi-task Model (Ma, Zhao, Huang, Wang, Hu, Zhu and Gai, "Entire Space Multi-Task Model: An
 * Effective Approach for Estimating Post-Click Conversion Rate", SIGIR 2018), along every funnel chain.
 *
 * <p>A shared layer plays the part of the paper's shared embedding; per task a tower gives
 * {@code q_t = sigmoid(tower_t(relu(x W + b)))}: for a task without parent its probability (pCTR), for a
 * conversion step its probability given the parent (pCVR). The joint probability is
 * {@code p_t = q_t * p_parent(t)} (pCTCVR = pCTR x pCVR), and training fits every {@code p_t} to the joint
 * labels over the entire impression space, so the conversion towers never see a biased sample, and
 * {@code pCVR = pCTCVR / pCTR} exactly.
 *
 * @param hiddenDim width of the shared layer
 * @param towerDim width of each tower's hidden layer
 */
public record Esmm(int hiddenDim, int towerDim) implements HeadArchitecture {

  public Esmm {
    Widths.requirePositive("hiddenDim", hiddenDim);
    Widths.requirePositive("towerDim", towerDim);
  }

  @Override
  public HeadOutputs build(HeadBuilder b, SDVariable x, int featureCount) {
    SDVariable shared = b.relu(b.dense("shared", x, featureCount, hiddenDim));
    TaskStack in = TaskStack.shared(shared, hiddenDim);
    SDVariable conditional = b.sigmoid(b.towerLogits("tower", in, towerDim));
    return new HeadOutputs(b.chainProducts(conditional), conditional, in, null, Map.of());
  }
}
