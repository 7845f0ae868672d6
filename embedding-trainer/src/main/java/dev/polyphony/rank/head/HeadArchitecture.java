package dev.polyphony.rank.head;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The network of one kind of ranking head: from standardised features {@code [batch, features]} to one
 * probability per task. Every head of the comparison implements this one contract, so the model, the loss,
 * distillation, training and evaluation are shared.
 */
public interface HeadArchitecture {
  /**
   * Builds the head into {@code builder}'s graph.
   *
   * @param x standardised features {@code [batch, featureCount]}
   */
  HeadOutputs build(HeadBuilder builder, SDVariable x, int featureCount);

  /**
   * Whether a task with a parent learns its conditional probability from the rows whose parent label is 1
   * only (the classic conversion model on clicked impressions); otherwise every task learns its joint
   * probability on the entire impression space.
   */
  default boolean trainsConditionalOnParentPositives() {
    return false;
  }
}
