package dev.polyphony.task;

import dev.polyphony.graph.NodeType;
import dev.polyphony.model.SageModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Predicts one or more categorical labels per seed, each with its own linear softmax head, trained with the
 * cross-entropy averaged over the seeds that carry that label; the task's loss is the sum over label sets.
 * Serves the stylistic task (genre and subgenre of a track, voted from its training playlists).
 */
public final class ClassificationHeadTask implements Task {
  /**
   * One categorical target.
   *
   * @param name short name, unique within the task
   * @param labels class of every node, {@code -1} for none
   * @param classes number of classes; labels lie in {@code [0, classes)}
   */
  public record LabelSet(String name, int[] labels, int classes) {
    public LabelSet {
      Objects.requireNonNull(name, "name");
      if (classes < 2) {
        throw new IllegalArgumentException("label set '" + name + "' needs at least 2 classes (got " + classes + ")");
      }
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] < -1 || labels[i] >= classes) {
          throw new IllegalArgumentException("label set '" + name + "': node " + i + " has label " + labels[i]
              + ", outside [-1, " + classes + ")");
        }
      }
      labels = labels.clone();
    }
  }

  private final String name;
  private final NodeType type;
  private final List<LabelSet> labelSets;

  public ClassificationHeadTask(String name, NodeType type, List<LabelSet> labelSets) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.labelSets = List.copyOf(labelSets);
    if (this.labelSets.isEmpty()) {
      throw new IllegalArgumentException("task '" + name + "' needs at least one label set");
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public NodeType seedType() {
    return type;
  }

  public List<LabelSet> labelSets() {
    return labelSets;
  }

  @Override
  public String buildLoss(SageModel model) {
    SameDiff sd = model.sameDiff();
    int d = model.config().outputDim();
    SDVariable total = null;
    for (LabelSet set : labelSets) {
      String prefix = name + "_" + set.name();
      SDVariable w = model.parameters().weight(prefix + "_W", d, set.classes());
      SDVariable b = model.parameters().bias(prefix + "_b", set.classes());
      SDVariable onehot = sd.placeHolder(prefix + "_labels", DataType.FLOAT, -1, set.classes());
      SDVariable mask = sd.placeHolder(prefix + "_mask", DataType.FLOAT, -1, 1);
      SDVariable logProbabilities = sd.nn().logSoftmax(model.encoder().embedding(true).mmul(w).add(b));
      SDVariable perRow = onehot.mul(logProbabilities).sum(true, 1).neg();
      SDVariable loss = MaskedRows.mean(perRow, mask);
      total = total == null ? loss : total.add(loss);
    }
    return total.rename(name + "_loss").name();
  }

  @Override
  public Map<String, INDArray> targets(TrainingBatch batch) {
    int[] seeds = batch.seeds();
    Map<String, INDArray> values = new HashMap<>();
    for (LabelSet set : labelSets) {
      String prefix = name + "_" + set.name();
      float[] onehot = new float[seeds.length * set.classes()];
      boolean[] mask = new boolean[seeds.length];
      for (int i = 0; i < seeds.length; i++) {
        int y = set.labels()[seeds[i]];
        if (y >= 0) {
          onehot[i * set.classes() + y] = 1f;
          mask[i] = true;
        }
      }
      values.put(prefix + "_labels", Nd4j.create(onehot, new long[] {seeds.length, set.classes()}, 'c'));
      values.put(prefix + "_mask", MaskedRows.column(mask));
    }
    return values;
  }
}
