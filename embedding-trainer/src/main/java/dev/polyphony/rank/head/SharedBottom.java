package dev.polyphony.rank.head;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The shared-bottom multi-task baseline (Caruana, "Multitask Learning", Machine Learning 1997): one ReLU
 * layer every task reads, then a tower per task. {@code p_t = sigmoid(tower_t(relu(x W + b)))}.
 *
 * @param hiddenDim width of the shared layer
 * @param towerDim width of each tower's hidden layer
 */
public record SharedBottom(int hiddenDim, int towerDim) implements HeadArchitecture {

  public SharedBottom {
    Widths.requirePositive("hiddenDim", hiddenDim);
    Widths.requirePositive("towerDim", towerDim);
  }

  @Override
  public HeadOutputs build(HeadBuilder b, SDVariable x, int featureCount) {
    SDVariable bottom = b.relu(b.dense("bottom", x, featureCount, hiddenDim));
    TaskStack shared = TaskStack.shared(bottom, hiddenDim);
    SDVariable p = b.sigmoid(b.towerLogits("tower", shared, towerDim));
    return new HeadOutputs(p, null, shared, null, Map.of());
  }
}
