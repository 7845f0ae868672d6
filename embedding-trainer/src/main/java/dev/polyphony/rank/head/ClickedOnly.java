package dev.polyphony.rank.head;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The conversion model of common practice that ESMM and AITM set out to beat (the BASE model of Ma et
 * al., SIGIR 2018): every task has its own network, {@code q_t = sigmoid(tower_t(relu(x W_t + b_t)))}, and a
 * conversion step learns {@code q_t = p(t | parent)} from the impressions whose parent label is 1 only
 * (post-click conversion trained on clicked impressions). On the entire space it predicts
 * {@code p_t = q_t * p_parent(t)}, so it serves the same interface as every other head.
 *
 * @param hiddenDim width of each task's own layer
 * @param towerDim width of each tower's hidden layer
 */
public record ClickedOnly(int hiddenDim, int towerDim) implements HeadArchitecture {

  public ClickedOnly {
    Widths.requirePositive("hiddenDim", hiddenDim);
    Widths.requirePositive("towerDim", towerDim);
  }

  @Override
  public HeadOutputs build(HeadBuilder b, SDVariable x, int featureCount) {
    SDVariable own = b.relu(b.denseToSlices("own", x, b.taskCount(), featureCount, hiddenDim));
    TaskStack in = TaskStack.perTask(own, hiddenDim);
    SDVariable conditional = b.sigmoid(b.towerLogits("tower", in, towerDim));
    return new HeadOutputs(b.chainProducts(conditional), conditional, in, null, Map.of());
  }

  @Override
  public boolean trainsConditionalOnParentPositives() {
    return true;
  }
}
