package dev.polyphony.rank.head;

import dev.polyphony.rank.RankingTasks;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layers that ranking heads are built from, in one SameDiff graph. Per-task and per-expert layers are
 * batched matrix products over stacked weights, because SameDiff's cost is mostly per op: a head of three
 * tasks and four experts runs as a few dozen ops, not hundreds.
 */
public final class HeadBuilder {
  /** Added to the logit of a gate entry that must get zero weight; its softmax weight underflows to 0. */
  static final float EXCLUDED_LOGIT = -1e9f;

  private final SameDiff sd;
  private final HeadParameters parameters;
  private final RankingTasks tasks;

  public HeadBuilder(HeadParameters parameters, RankingTasks tasks) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.sd = parameters.sameDiff();
    this.tasks = Objects.requireNonNull(tasks, "tasks");
  }

  public SameDiff sameDiff() {
    return sd;
  }

  public HeadParameters parameters() {
    return parameters;
  }

  public RankingTasks tasks() {
    return tasks;
  }

  public int taskCount() {
    return tasks.count();
  }

  /** {@code in W + b}: {@code [batch, inDim] -> [batch, outDim]}. */
  public SDVariable dense(String name, SDVariable in, int inDim, int outDim) {
    return in.mmul(parameters.weight(name + "_W", inDim, outDim)).add(parameters.bias(name + "_b", outDim));
  }

  /** {@code in W} without bias. */
  public SDVariable linear(String name, SDVariable in, int inDim, int outDim) {
    return in.mmul(parameters.weight(name + "_W", inDim, outDim));
  }

  public SDVariable relu(SDVariable v) {
    return sd.nn().relu(v, 0);
  }

  public SDVariable sigmoid(SDVariable v) {
    return sd.nn().sigmoid(v);
  }

  /**
   * One dense layer per slice of a shared input, as one wide product: {@code [batch, inDim] ->
   * [slices, batch, outDim]}.
   */
  public SDVariable denseToSlices(String name, SDVariable in, int slices, int inDim, int outDim) {
    SDVariable wide = dense(name, in, inDim, slices * outDim);
    return sd.permute(sd.reshape(wide, -1, slices, outDim), 1, 0, 2);
  }

  /** One dense layer per slice of a stacked input: {@code [slices, batch, inDim] -> [slices, batch, outDim]}. */
  public SDVariable stackedDense(String name, SDVariable in, int slices, int inDim, int outDim) {
    return sd.mmul(in, parameters.stackedWeight(name + "_W", slices, inDim, outDim))
        .add(parameters.stackedBias(name + "_b", slices, outDim));
  }

  /**
   * Task towers: per task a ReLU layer of {@code hidden} units and one logit; returns the logits
   * {@code [batch, tasks]}.
   */
  public SDVariable towerLogits(String name, TaskStack in, int hidden) {
    int t = taskCount();
    SDVariable first = in.perTask()
        ? stackedDense(name + "_1", in.value(), t, in.width(), hidden)
        : denseToSlices(name + "_1", in.value(), t, in.width(), hidden);
    SDVariable logits = stackedDense(name + "_2", relu(first), t, hidden, 1);
    return sd.transpose(sd.reshape(logits, t, -1));
  }

  /** Column {@code c} of a {@code [batch, columns]} matrix as {@code [batch, 1]}. */
  public SDVariable column(SDVariable matrix, int c, int columns) {
    float[] pick = new float[columns];
    pick[c] = 1f;
    return matrix.mmul(sd.constant(Nd4j.create(pick, new long[] {columns, 1}, 'c')));
  }

  /** Columns {@code [batch, 1]} side by side. */
  public SDVariable columns(SDVariable... columns) {
    return columns.length == 1 ? columns[0] : sd.concat(1, columns);
  }

  /**
   * Per-task joint probabilities from per-task conditional ones: {@code p_t = q_t * p_parent(t)} down every
   * chain of the task set (ESMM's CTCVR = CTR x CVR).
   */
  public SDVariable chainProducts(SDVariable conditional) {
    int t = taskCount();
    SDVariable[] joint = new SDVariable[t];
    for (int k = 0; k < t; k++) {
      SDVariable own = column(conditional, k, t);
      joint[k] = tasks.hasParent(k) ? own.mul(joint[tasks.parent(k)]) : own;
    }
    return columns(joint);
  }

  /**
   * Softmax over the last axis of {@code logits} ({@code [batch, gates, choices]}) where
   * {@code allowed[g][c]} false forces weight 0 for choice c of gate g.
   */
  public SDVariable maskedSoftmax(SDVariable logits, boolean[][] allowed) {
    int gates = allowed.length;
    int choices = allowed[0].length;
    float[] offsets = new float[gates * choices];
    boolean masked = false;
    for (int g = 0; g < gates; g++) {
      for (int c = 0; c < choices; c++) {
        if (!allowed[g][c]) {
          offsets[g * choices + c] = EXCLUDED_LOGIT;
          masked = true;
        }
      }
    }
    SDVariable shifted = masked
        ? logits.add(sd.constant(Nd4j.create(offsets, new long[] {1, gates, choices}, 'c')))
        : logits;
    return sd.nn().softmax(shifted, 2);
  }

  /** {@code v} in the forward pass, with no gradient flowing back through it. */
  public SDVariable stopGradient(SDVariable v) {
    return new StopGradient(sd, v).outputVariable();
  }
}
