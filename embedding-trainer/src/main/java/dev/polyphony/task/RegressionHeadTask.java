package dev.polyphony.task;

import dev.polyphony.graph.NodeType;
import dev.polyphony.model.SageModel;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Predicts {@code k} real targets per seed with a linear head {@code y = z W + b}, trained with the mean
 * squared error over the seeds that have targets. Serves the content task (reconstructing standardised audio
 * features, which keeps the acoustics in the embedding) and the engagement task (standardised popularity).
 */
public final class RegressionHeadTask implements Task {
  private final String name;
  private final NodeType type;
  private final int width;
  private final float[] targets;
  private final boolean[] present;

  /**
   * @param targets row-major {@code nodeCount x width} targets of every node of {@code type}
   * @param present which nodes have targets (rows of absent nodes are ignored)
   */
  public RegressionHeadTask(String name, NodeType type, int width, float[] targets, boolean[] present) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    if (width <= 0) {
      throw new IllegalArgumentException("width must be > 0 (got " + width + ")");
    }
    if (targets.length != (long) present.length * width) {
      throw new IllegalArgumentException("task '" + name + "': " + targets.length + " target values for "
          + present.length + " nodes of width " + width);
    }
    for (int i = 0; i < targets.length; i++) {
      if (present[i / width] && !Float.isFinite(targets[i])) {
        throw new IllegalArgumentException("task '" + name + "': node " + (i / width) + " has target " + targets[i]);
      }
    }
    this.width = width;
    this.targets = targets.clone();
    this.present = present.clone();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public NodeType seedType() {
    return type;
  }

  /** Number of nodes with targets. */
  public int labelledCount() {
    int n = 0;
    for (boolean p : present) {
      n += p ? 1 : 0;
    }
    return n;
  }

  @Override
  public String buildLoss(SageModel model) {
    SameDiff sd = model.sameDiff();
    int d = model.config().outputDim();
    SDVariable w = model.parameters().weight(name + "_W", d, width);
    SDVariable b = model.parameters().bias(name + "_b", width);
    SDVariable y = sd.placeHolder(name + "_targets", DataType.FLOAT, -1, width);
    SDVariable mask = sd.placeHolder(name + "_mask", DataType.FLOAT, -1, 1);
    SDVariable error = model.encoder().embedding(true).mmul(w).add(b).sub(y);
    SDVariable squares = sd.math().square(error);
    // ND4J 1.0.0-M2.1 fails on a reduction over an axis of length 1, so one target skips it
    SDVariable perRow = width == 1 ? squares : squares.mean(true, 1);
    return MaskedRows.mean(perRow, mask).rename(name + "_loss").name();
  }

  @Override
  public Map<String, INDArray> targets(TrainingBatch batch) {
    int[] seeds = batch.seeds();
    float[] y = new float[seeds.length * width];
    boolean[] mask = new boolean[seeds.length];
    for (int i = 0; i < seeds.length; i++) {
      mask[i] = present[seeds[i]];
      if (mask[i]) {
        System.arraycopy(targets, seeds[i] * width, y, i * width, width);
      }
    }
    return Map.of(name + "_targets", Nd4j.create(y, new long[] {seeds.length, width}, 'c'),
        name + "_mask", MaskedRows.column(mask));
  }
}
