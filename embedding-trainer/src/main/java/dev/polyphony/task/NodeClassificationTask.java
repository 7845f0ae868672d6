package dev.polyphony.task;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.model.SageModel;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Supervised node classification: a linear softmax head {@code softmax(z W + b)} on the encoder output,
 * trained with cross-entropy on the labelled training nodes (GraphSAGE's supervised setting, Hamilton et
 * al. 2017, section 3.2; the Planetoid/GCN protocol on Cora: train, validate and test on fixed node sets).
 *
 * <p>Labels are an INT attribute with values {@code 0..classes-1}; the split is a STRING attribute whose
 * values {@code train}, {@code val} and {@code test} mark the three sets (other values and missing values
 * take part only as neighbours).
 */
public final class NodeClassificationTask implements SupervisedTask {
  /** Placeholder of the one-hot labels of a batch. */
  public static final String LABELS = "nc_labels";
  /** Inference logits (no dropout), one row per seed. */
  public static final String LOGITS = "nc_logits";
  private static final int EVAL_BATCH = 256;

  private final NodeType type;
  private final int[] labels;
  private final int classes;
  private final int[] train;
  private final int[] validation;
  private final int[] test;

  /**
   * @throws IllegalArgumentException when an attribute is missing or of the wrong kind, a split node has no
   *     label, a label is negative, or the training or validation set is empty
   */
  public NodeClassificationTask(HeteroGraph graph, NodeType type, String labelAttribute, String splitAttribute) {
    this.type = Objects.requireNonNull(type, "type");
    AttributeColumn label = column(graph, type, labelAttribute, AttributeKind.INT);
    AttributeColumn split = column(graph, type, splitAttribute, AttributeKind.STRING);
    int n = graph.nodeCount(type);
    labels = new int[n];
    Arrays.fill(labels, -1);
    IntArrayList tr = new IntArrayList();
    IntArrayList va = new IntArrayList();
    IntArrayList te = new IntArrayList();
    int maxLabel = -1;
    for (int v = 0; v < n; v++) {
      if (label.isPresent(v)) {
        int y = label.getInt(v);
        if (y < 0) {
          throw new IllegalArgumentException("node '" + graph.ids(type).externalId(v) + "' has label " + y
              + " in attribute '" + labelAttribute + "'; labels must be >= 0");
        }
        labels[v] = y;
        maxLabel = Math.max(maxLabel, y);
      }
      String s = split.isPresent(v) ? split.getString(v) : null;
      IntArrayList target = "train".equals(s) ? tr : "val".equals(s) ? va : "test".equals(s) ? te : null;
      if (target != null) {
        if (labels[v] < 0) {
          throw new IllegalArgumentException("node '" + graph.ids(type).externalId(v) + "' is in split '" + s
              + "' but has no value in attribute '" + labelAttribute + "'");
        }
        target.add(v);
      }
    }
    if (tr.isEmpty() || va.isEmpty()) {
      throw new IllegalArgumentException("attribute '" + splitAttribute + "' marks " + tr.size()
          + " train and " + va.size() + " val nodes; both must be > 0");
    }
    this.classes = maxLabel + 1;
    this.train = tr.toIntArray();
    this.validation = va.toIntArray();
    this.test = te.toIntArray();
  }

  private static AttributeColumn column(HeteroGraph graph, NodeType type, String name, AttributeKind kind) {
    AttributeColumn c = graph.attributes(type).find(name).orElseThrow(() -> new IllegalArgumentException(
        "node type '" + type + "' has no attribute '" + name + "'; attributes: " + graph.attributes(type).names()));
    if (c.kind() != kind) {
      throw new IllegalArgumentException("attribute '" + name + "' of '" + type + "' must be " + kind
          + " (got " + c.kind() + ")");
    }
    return c;
  }

  @Override
  public String name() {
    return "node_classification";
  }

  @Override
  public NodeType seedType() {
    return type;
  }

  public int classes() {
    return classes;
  }

  @Override
  public int[] trainSeeds() {
    return train.clone();
  }

  public int[] validationNodes() {
    return validation.clone();
  }

  public int[] testNodes() {
    return test.clone();
  }

  /** The label of node {@code v}, -1 when it has none. */
  public int label(int v) {
    return labels[v];
  }

  @Override
  public String buildLoss(SageModel model) {
    SameDiff sd = model.sameDiff();
    int width = model.config().outputDim();
    SDVariable w = model.parameters().weight("nc_W", width, classes);
    SDVariable b = model.parameters().bias("nc_b", classes);
    SDVariable onehot = sd.placeHolder(LABELS, DataType.FLOAT, -1, classes);
    model.encoder().embedding(false).mmul(w).add(b).rename(LOGITS);
    SDVariable logits = model.encoder().embedding(true).mmul(w).add(b);
    SDVariable logProbabilities = sd.nn().logSoftmax(logits);
    return onehot.mul(logProbabilities).sum(1).mean().neg().rename("nc_loss").name();
  }

  @Override
  public Map<String, INDArray> targets(TrainingBatch batch) {
    int[] seeds = batch.seeds();
    float[] onehot = new float[seeds.length * classes];
    for (int i = 0; i < seeds.length; i++) {
      int y = labels[seeds[i]];
      if (y < 0) {
        throw new IllegalArgumentException("seed " + seeds[i] + " has no label");
      }
      onehot[i * classes + y] = 1f;
    }
    return Map.of(LABELS, Nd4j.create(onehot, new long[] {seeds.length, classes}, 'c'));
  }

  @Override
  public String metric() {
    return "accuracy";
  }

  @Override
  public double score(SageModel model, long sampleSeed) {
    return accuracy(model, validation, sampleSeed);
  }

  /** Fraction of {@code nodes} whose arg-max logit is their label (no dropout). */
  public double accuracy(SageModel model, int[] nodes, long sampleSeed) {
    int[] predicted = predict(model, nodes, sampleSeed);
    int correct = 0;
    for (int i = 0; i < nodes.length; i++) {
      if (predicted[i] == labels[nodes[i]]) {
        correct++;
      }
    }
    return nodes.length == 0 ? Double.NaN : (double) correct / nodes.length;
  }

  /** Arg-max class of every node, evaluated in batches whose neighbourhoods derive from {@code sampleSeed}. */
  public int[] predict(SageModel model, int[] nodes, long sampleSeed) {
    int[] out = new int[nodes.length];
    for (int from = 0, batch = 0; from < nodes.length; from += EVAL_BATCH, batch++) {
      int[] seeds = Arrays.copyOfRange(nodes, from, Math.min(nodes.length, from + EVAL_BATCH));
      INDArray logits = model.output(LOGITS, seeds, SeedDerivation.derive(sampleSeed, batch), Map.of());
      INDArray argmax = logits.argMax(1);
      for (int i = 0; i < seeds.length; i++) {
        out[from + i] = argmax.getInt(i);
      }
    }
    return out;
  }
}
