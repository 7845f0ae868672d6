package dev.polyphony.spark;

import dev.polyphony.graph.FeatureStats;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.model.Aggregator;
import dev.polyphony.model.Combination;
import dev.polyphony.model.FeatureNormalization;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.model.TreePlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A trained {@link dev.polyphony.model.SageEncoder} taken apart into its layers, so that each layer can be
 * applied to whole node tables at once (PinSage's MapReduce inference, Ying et al., KDD 2018, section 3.5):
 * {@code h^0} of a node from its features and learned vector, and {@code h^k} of a node from its own
 * {@code h^{k-1}} and the {@code h^{k-1}} of its sampled neighbours along every relation the plan follows.
 *
 * <p>The arithmetic is the encoder's, weight for weight (the parameter names of the bundle): per layer k and
 * node type T, {@code h^k = sigma([h^{k-1} W_self || n] + b)} (or the sum), {@code n} the mean over the plan's
 * child relations of their aggregates times {@code W_neigh}; mean or max-pool aggregation; ReLU below the last
 * layer; the last layer L2-normalised when the model says so. Serializable, to be broadcast to executors.
 *
 * <p>Levels: with fan-outs that differ per hop, a node's {@code h^k} depends on the level of the computation
 * tree it sits at (level l aggregates hop l+1's sample), so a layer is applied per (layer, level), see
 * {@link #childSlots(int, String)}.
 */
public final class LayerwiseEncoder implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One relation traversal a node type aggregates along at a hop: the plan's child block. */
  public record Slot(String relationKey, String relation, NeighborSamplerConfig.Direction direction,
      String frontierType, String neighbourType, int fanout) implements Serializable {}

  /** One parameter matrix, row-major. */
  private record Weight(int rows, int columns, float[] values) implements Serializable {}

  private final int layers;
  private final int[] layerDims;
  private final Aggregator aggregator;
  private final Combination combination;
  private final int projection;
  private final boolean normalizeOutput;
  private final FeatureNormalization normalization;
  private final String seedType;
  /** Node types in the encoder's order (the index in its parameter names). */
  private final List<String> types;
  private final int[] featureDims;
  private final Map<String, float[][]> stats;
  private final List<String> idTypes;
  private final Map<String, Weight> weights;
  /** Per hop (index 0 = hop 1) and frontier type, the slots in plan order. */
  private final List<Map<String, List<Slot>>> slots;
  /** Node types of the plan's blocks per level. */
  private final List<List<String>> levelTypes;

  private LayerwiseEncoder(ModelBundle bundle, NeighborSamplerConfig sampling) {
    SageEncoderConfig config = bundle.config().encoderConfig();
    TreePlan plan = TreePlan.of(bundle.schema(), sampling, bundle.seedType());
    if (!plan.blocks().equals(TreePlan.of(bundle.schema(), bundle.config().trainConfig().sampling(),
        bundle.seedType()).blocks())) {
      throw new IllegalArgumentException("fan-outs '" + sampling.fanoutSpec() + "' follow other relations than the"
          + " model was trained with ('" + bundle.config().trainConfig().sampling().fanoutSpec() + "')");
    }
    this.layers = config.layers();
    this.layerDims = new int[layers + 1];
    for (int k = 1; k <= layers; k++) {
      layerDims[k] = config.layerDim(k);
    }
    this.aggregator = config.aggregator();
    this.combination = config.combination();
    this.projection = config.inputProjectionDim();
    this.normalizeOutput = config.normalizeOutput();
    this.normalization = config.featureNormalization();
    this.seedType = bundle.seedType().name();
    LinkedHashSet<String> used = new LinkedHashSet<>();
    for (TreePlan.Spec s : plan.blocks()) {
      used.add(s.type().name());
    }
    this.types = List.copyOf(used);
    this.featureDims = new int[types.size()];
    this.stats = new HashMap<>();
    for (int t = 0; t < types.size(); t++) {
      NodeType type = bundle.schema().nodeType(types.get(t));
      int columns = bundle.featureColumns(type).size();
      featureDims[t] = columns == 0 ? 1 : columns;
      bundle.featureStats(type).ifPresent(s -> stats.put(type.name(),
          new float[][] {s.mean(), s.std(), s.min(), s.max()}));
    }
    this.idTypes = List.copyOf(config.idEmbeddingTypes());
    this.weights = new HashMap<>();
    bundle.weights().forEach((name, m) -> weights.put(name, new Weight(m.rows(), m.columns(), m.values().clone())));
    List<Map<String, List<Slot>>> hops = new ArrayList<>();
    List<List<String>> levels = new ArrayList<>();
    for (int l = 0; l <= layers; l++) {
      levels.add(new ArrayList<>());
    }
    for (int h = 0; h < layers; h++) {
      hops.add(new HashMap<>());
    }
    for (TreePlan.Spec s : plan.blocks()) {
      if (!levels.get(s.level()).contains(s.type().name())) {
        levels.get(s.level()).add(s.type().name());
      }
      if (s.isRoot()) {
        continue;
      }
      TreePlan.Spec parent = plan.block(s.parent());
      List<Slot> list = hops.get(s.level() - 1).computeIfAbsent(parent.type().name(), k -> new ArrayList<>());
      if (list.stream().noneMatch(x -> x.relationKey().equals(s.relationKey()))) {
        list.add(new Slot(s.relationKey(), s.edgeType().relation(), s.direction(), parent.type().name(),
            s.type().name(), sampling.fanouts().get(s.level() - 1).get(s.edgeType().relation())));
      }
    }
    this.slots = hops;
    this.levelTypes = levels;
  }

  /** The encoder of {@code bundle}, sampling with {@code sampling} (the relations of its training fan-outs). */
  public static LayerwiseEncoder of(ModelBundle bundle, NeighborSamplerConfig sampling) {
    return new LayerwiseEncoder(Objects.requireNonNull(bundle, "bundle"), Objects.requireNonNull(sampling, "sampling"));
  }

  public int layers() {
    return layers;
  }

  public String seedType() {
    return seedType;
  }

  /** Node types whose {@code h^k} is needed at tree level {@code level}. */
  public List<String> levelTypes(int level) {
    return levelTypes.get(level);
  }

  /** Node types in the encoder's order. */
  public List<String> types() {
    return types;
  }

  /** Feature width {@code h^0} reads for {@code type} (1 for a type without features). */
  public int featureDim(String type) {
    return featureDims[typeIndex(type)];
  }

  /** Whether the model adds learned per-node vectors to {@code type}'s input. */
  public boolean hasIdVectors(String type) {
    return idTypes.contains(type);
  }

  /** Width of the learned vectors (the input projection). */
  public int idDim() {
    return projection;
  }

  /**
   * The relations a node of {@code type} at tree level {@code level} aggregates along, in the encoder's order,
   * with hop {@code level + 1}'s fan-outs; empty at the last level.
   */
  public List<Slot> childSlots(int level, String type) {
    if (level >= layers) {
      return List.of();
    }
    return slots.get(level).getOrDefault(type, List.of());
  }

  /** Every distinct relation traversal of the plan with the most neighbours any hop takes along it. */
  public Map<String, Slot> widestSlots() {
    Map<String, Slot> widest = new java.util.LinkedHashMap<>();
    for (Map<String, List<Slot>> hop : slots) {
      for (List<Slot> list : hop.values()) {
        for (Slot s : list) {
          widest.merge(s.relationKey(), s, (a, b) -> a.fanout() == NeighborSamplerConfig.ALL
              || (b.fanout() != NeighborSamplerConfig.ALL && a.fanout() >= b.fanout()) ? a : b);
        }
      }
    }
    return widest;
  }

  /**
   * {@code h^0} of {@code n} nodes of {@code type}: features (row-major, {@code null} rows for a type without
   * features) scaled as in training, projected, plus the learned vectors ({@code null} entries for nodes the
   * model never saw, which get none).
   */
  public float[][] inputs(String type, float[][] features, float[][] idVectors) {
    int t = typeIndex(type);
    int n = features.length;
    int d = featureDims[t];
    float[] x = new float[n * d];
    float[][] s = stats.get(type);
    FeatureStats reference = s == null ? null : new FeatureStats(s[0], s[1], s[2], s[3]);
    for (int i = 0; i < n; i++) {
      float[] row = features[i];
      if (row == null) {
        java.util.Arrays.fill(x, i * d, (i + 1) * d, 1f);
        continue;
      }
      if (row.length != d) {
        throw new IllegalArgumentException("a '" + type + "' node has " + row.length + " features, the model "
            + d);
      }
      for (int c = 0; c < d; c++) {
        x[i * d + c] = normalization == FeatureNormalization.STANDARDIZE ? reference.standardize(c, row[c]) : row[c];
      }
      if (normalization == FeatureNormalization.ROW_SUM) {
        rowSumNormalize(x, i * d, d);
      }
    }
    if (projection == 0) {
      return rows(x, n, d);
    }
    INDArray in = Nd4j.create(x, new long[] {n, d}, 'c');
    INDArray out = Transforms.relu(in.mmul(weight("proj_" + t + "_W")).addRowVector(weight("proj_" + t + "_b")),
        false);
    float[] h = out.dup('c').data().asFloat();
    if (hasIdVectors(type)) {
      for (int i = 0; i < n; i++) {
        float[] v = idVectors == null ? null : idVectors[i];
        if (v == null) {
          continue;
        }
        for (int c = 0; c < projection; c++) {
          h[i * projection + c] += v[c];
        }
      }
    }
    return rows(h, n, projection);
  }

  /**
   * {@code h^k} of {@code n} nodes of {@code type} at tree level {@code level}.
   *
   * @param self their {@code h^{k-1}}, one row each
   * @param children per slot of {@link #childSlots(int, String)} (outer index), per node, the {@code h^{k-1}}
   *     rows of its sampled neighbours along that slot (empty when it has none)
   */
  public float[][] layer(int k, int level, String type, float[][] self, List<float[][][]> children) {
    int t = typeIndex(type);
    int n = self.length;
    int width = layerDims[k];
    int half = combination == Combination.CONCAT ? width / 2 : width;
    List<Slot> childSlots = childSlots(level, type);
    if (children.size() != childSlots.size()) {
      throw new IllegalArgumentException("'" + type + "' nodes aggregate along " + childSlots.size()
          + " relations at level " + level + ", got " + children.size());
    }
    INDArray selfPart = matrix(self, inputDim(k, t)).mmul(weight("L" + k + "_self_" + t + "_W"));
    INDArray neighbourPart = null;
    for (int c = 0; c < childSlots.size(); c++) {
      Slot slot = childSlots.get(c);
      int ct = typeIndex(slot.neighbourType());
      String rel = "L" + k + "_" + slot.relationKey();
      INDArray agg = aggregate(children.get(c), n, inputDim(k, ct), half, rel);
      neighbourPart = neighbourPart == null ? agg : neighbourPart.add(agg);
    }
    if (neighbourPart == null) {
      neighbourPart = Nd4j.zerosLike(selfPart);
    } else if (childSlots.size() > 1) {
      neighbourPart = neighbourPart.div(childSlots.size());
    }
    INDArray out = combination == Combination.CONCAT ? Nd4j.hstack(selfPart, neighbourPart)
        : selfPart.add(neighbourPart);
    out = out.addRowVector(weight("L" + k + "_" + t + "_b"));
    if (k < layers) {
      out = Transforms.relu(out, false);
    } else if (normalizeOutput) {
      INDArray norms = Transforms.sqrt(out.mul(out).sum(true, 1).add(1e-12), false);
      out = out.divColumnVector(norms);
    }
    return rows(out.dup('c').data().asFloat(), n, width);
  }

  /** Per node the aggregate of its neighbours along one relation, times {@code W_neigh}: [n x half]. */
  private INDArray aggregate(float[][][] children, int n, int inDim, int half, String rel) {
    int m = 0;
    for (float[][] list : children) {
      m += list.length;
    }
    float[] stacked = new float[Math.max(m, 1) * inDim];
    int r = 0;
    for (float[][] list : children) {
      for (float[] row : list) {
        if (row.length != inDim) {
          throw new IllegalArgumentException("a neighbour row along " + rel + " has width " + row.length
              + ", the layer reads " + inDim);
        }
        System.arraycopy(row, 0, stacked, r++ * inDim, inDim);
      }
    }
    INDArray c = Nd4j.create(stacked, new long[] {Math.max(m, 1), inDim}, 'c');
    float[] agg = new float[n * half];
    if (aggregator == Aggregator.MEAN) {
      // As the encoder: transform each neighbour, then average (mean(h) W = mean(h W)).
      float[] transformed = c.mmul(weight(rel + "_neigh_W")).dup('c').data().asFloat();
      r = 0;
      for (int i = 0; i < n; i++) {
        int deg = children[i].length;
        float w = deg == 0 ? 0f : 1f / deg;
        for (int j = 0; j < deg; j++, r++) {
          for (int q = 0; q < half; q++) {
            agg[i * half + q] += w * transformed[r * half + q];
          }
        }
      }
      return Nd4j.create(agg, new long[] {n, half}, 'c');
    }
    float[] pooled = Transforms.relu(c.mmul(weight(rel + "_pool_W")).addRowVector(weight(rel + "_pool_b")), false)
        .dup('c').data().asFloat();
    r = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < children[i].length; j++, r++) {
        for (int q = 0; q < half; q++) {
          agg[i * half + q] = Math.max(agg[i * half + q], pooled[r * half + q]);
        }
      }
    }
    return Nd4j.create(agg, new long[] {n, half}, 'c').mmul(weight(rel + "_neigh_W"));
  }

  private int inputDim(int k, int t) {
    if (k > 1) {
      return layerDims[k - 1];
    }
    return projection > 0 ? projection : featureDims[t];
  }

  private int typeIndex(String type) {
    int t = types.indexOf(type);
    if (t < 0) {
      throw new IllegalArgumentException("the encoder reads no '" + type + "' nodes; it reads " + types);
    }
    return t;
  }

  private INDArray weight(String name) {
    Weight m = weights.get(name);
    if (m == null) {
      throw new IllegalStateException("the model has no parameter '" + name + "'");
    }
    return Nd4j.create(m.values(), new long[] {m.rows(), m.columns()}, 'c');
  }

  private static INDArray matrix(float[][] rows, int width) {
    float[] flat = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException("row " + i + " has width " + rows[i].length + ", the layer reads " + width);
      }
      System.arraycopy(rows[i], 0, flat, i * width, width);
    }
    return Nd4j.create(flat, new long[] {rows.length, width}, 'c');
  }

  private static float[][] rows(float[] flat, int n, int width) {
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      out[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
    }
    return out;
  }

  /** The encoder's row-sum scaling (each row divided by the sum of its absolute values, if not 0). */
  private static void rowSumNormalize(float[] x, int from, int d) {
    double sum = 0;
    for (int c = 0; c < d; c++) {
      sum += Math.abs(x[from + c]);
    }
    if (sum > 0) {
      float inv = (float) (1 / sum);
      for (int c = 0; c < d; c++) {
        x[from + c] *= inv;
      }
    }
  }
}
