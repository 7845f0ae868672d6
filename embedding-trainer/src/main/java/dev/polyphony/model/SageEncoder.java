package dev.polyphony.model;

import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.SampledBlocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A GraphSAGE encoder (Hamilton, Ying and Leskovec, "Inductive Representation Learning on Large Graphs",
 * NeurIPS 2017, Algorithm 2) over heterogeneous sampled neighbourhoods, as one SameDiff graph built once
 * for every batch.
 *
 * <p>For layer {@code k = 1..K} and a tree node v of type T with children along relation traversals r:
 * <pre>
 *   agg_r  = AGGREGATE_r({h_u^{k-1} : u child of v along r})     MEAN, or max of relu(h_u W_pool + b_pool)
 *   n_v    = mean over r of agg_r W_neigh[k, r]                   (zero when v has no relation here)
 *   (the pooling width is the layer's half or full width, the same as n_v)
 *   h_v^k  = sigma([h_v^{k-1} W_self[k, T] || n_v] + b[k, T])     or the sum, see {@link Combination}
 * </pre>
 * with sigma = ReLU below the last layer and the identity on it, and {@code h^0} the node's normalised
 * content features, optionally through a per-type projection {@code relu(x P_T + b_T)}, plus the node's
 * learned vector {@code e_v} for the types of {@link SageEncoderConfig#idEmbeddingTypes()} (see
 * {@link IdEmbeddings}; fed as placeholders {@code idrows_<block>}). The output
 * {@code z_v = h_v^K} is divided by {@code sqrt(|z_v|^2 + 1e-12)} when {@link SageEncoderConfig#normalizeOutput()},
 * which is 1 for all but vanishing vectors and never divides by zero. Neighbourhoods are read from a
 * {@link ComputationTree}; an empty one aggregates to the zero vector.
 *
 * <p>Dropout (Srivastava et al., JMLR 2014) zeroes inputs of every layer while training, with masks drawn on
 * the host from a seed, so training is reproducible; {@link #embedding(boolean) embedding(false)} is the
 * same network without dropout, sharing every weight.
 *
 * <p>Inputs are placeholders whose first dimension varies per batch: per node type the feature rows of the
 * batch's distinct nodes plus one zero row; per tree block the feature row of every tree node, laid out by
 * {@link BlockLayout}, and how they aggregate into the parent block's rows. Blocks directly under the seeds
 * and blocks sampled with every neighbour ({@code all}) are compact with a dense mean matrix,
 * {@code A[p, c] = 1/degree(p)}, so the aggregate is {@code A h} (the seeds, and so the matrix, are bounded by
 * the batch; slots would pad every parent to the largest degree). Deeper blocks of bounded fan-out, and every
 * block of the max aggregator, are slotted: under each parent row the same number of slots with a weight per row ({@code 1/degree(p)} or 1
 * for a child, 0 for padding), so the aggregate is the sum (max) over the slot axis of the weighted rows
 * reshaped to {@code [parent rows, slots, width]}, linear in the sample. Only placeholders are gathered, so
 * every gradient flows through matrix products, reshapes and reductions. (ND4J 1.0.0-M2.1's segment ops, the
 * obvious tool, leak about 2.8 MB of native memory per call with their gradients; these leak nothing.)
 */
public final class SageEncoder {
  /** Name of the inference output: one row per distinct seed, in the sample's local seed order. */
  public static final String EMBEDDING = "embedding";
  /** Name of the training output (with dropout). */
  public static final String TRAINING_EMBEDDING = "train_embedding";
  private static final String SEED_ROWS = "seed_rows";

  private final SameDiff sd;
  private final Parameters parameters;
  private final TreePlan plan;
  private final SageEncoderConfig config;
  private final List<NodeType> types;
  private final int[] featureDims;
  private final SDVariable[] features;
  private final SDVariable[] featureMasks;
  private final SDVariable[] ids;
  /** Per block: whether its rows are slotted under its parent's (else compact, see BlockLayout). */
  private final boolean[] slotted;
  /**
   * Per non-root block: a slotted block's weight of each row in its parent's aggregate (0 for padding rows), a
   * compact block's dense aggregation matrix.
   */
  private final SDVariable[] aggregations;
  /** Per slotted block: the shape [parent rows, slots, -1] of its rows. */
  private final SDVariable[] slotShapes;
  /** Picks the seeds' rows out of the root block's padded rows. */
  private final SDVariable seedRows;
  private final Map<String, SDVariable> hiddenMasks = new HashMap<>();
  private final Map<String, int[]> hiddenMaskShapes = new HashMap<>();
  /** Id-row placeholder of every block whose type has learned vectors, by block index. */
  private final Map<Integer, SDVariable> idRows = new HashMap<>();
  private final SDVariable inference;
  private final SDVariable training;

  /**
   * Builds the encoder into {@code parameters}' graph.
   *
   * @param inputDims feature width of every node type of the plan (see {@link EncoderFeatures#dimension})
   * @throws IllegalArgumentException when the config's layer count differs from the plan's levels
   */
  public SageEncoder(Parameters parameters, TreePlan plan, Map<NodeType, Integer> inputDims,
      SageEncoderConfig config) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.config = Objects.requireNonNull(config, "config");
    if (config.layers() != plan.levels()) {
      throw new IllegalArgumentException("the encoder has " + config.layers() + " layers but the sampler "
          + plan.levels() + " hops; they must be equal");
    }
    this.sd = parameters.sameDiff();
    Set<NodeType> used = new LinkedHashSet<>();
    for (TreePlan.Spec s : plan.blocks()) {
      used.add(s.type());
    }
    this.types = List.copyOf(used);
    this.featureDims = new int[types.size()];
    this.features = new SDVariable[types.size()];
    this.featureMasks = new SDVariable[types.size()];
    for (int t = 0; t < types.size(); t++) {
      Integer d = inputDims.get(types.get(t));
      if (d == null || d <= 0) {
        throw new IllegalArgumentException("no input width for node type '" + types.get(t) + "' (got " + d + ")");
      }
      featureDims[t] = d;
      features[t] = sd.placeHolder("x_" + t, DataType.FLOAT, -1, d);
      if (config.dropout() > 0) {
        featureMasks[t] = sd.placeHolder("xmask_" + t, DataType.FLOAT, -1, d);
      }
    }
    int blocks = plan.blocks().size();
    seedRows = sd.placeHolder(SEED_ROWS, DataType.FLOAT, -1, -1);
    ids = new SDVariable[blocks];
    aggregations = new SDVariable[blocks];
    slotted = new boolean[blocks];
    slotShapes = new SDVariable[blocks];
    for (TreePlan.Spec s : plan.blocks()) {
      int b = s.index();
      ids[b] = sd.placeHolder("ids_" + b, DataType.INT, -1);
      // Under the seeds (level 1) a dense mean matrix stays seeds x children; deeper, slots (see BlockLayout),
      // unless every neighbour is taken: slots would pad each parent to the largest degree in the batch.
      slotted[b] = !s.isRoot() && (config.aggregator() == Aggregator.POOL || s.level() > 1 && s.fanout() > 0);
      if (slotted[b]) {
        aggregations[b] = sd.placeHolder(aggregationPlaceholder(b), DataType.FLOAT, -1, 1);
        slotShapes[b] = sd.placeHolder("slots_" + b, DataType.LONG, 3);
      } else if (!s.isRoot()) {
        aggregations[b] = sd.placeHolder(aggregationPlaceholder(b), DataType.FLOAT, -1, -1);
      }
      if (config.idEmbeddingTypes().contains(s.type().name())) {
        idRows.put(b, sd.placeHolder(idPlaceholder(b), DataType.FLOAT, -1, config.inputProjectionDim()));
      }
    }
    this.inference = build(false).rename(EMBEDDING);
    this.training = config.dropout() > 0 ? build(true).rename(TRAINING_EMBEDDING) : inference;
  }

  public SageEncoderConfig config() {
    return config;
  }

  public TreePlan plan() {
    return plan;
  }

  public Parameters parameters() {
    return parameters;
  }

  /** The encoder output; with {@code training} the dropout path (the same as inference without dropout). */
  public SDVariable embedding(boolean training) {
    return training ? this.training : inference;
  }

  /** Name of the placeholder holding the learned vectors of block {@code b}'s rows. */
  public static String idPlaceholder(int b) {
    return "idrows_" + b;
  }

  /** Node type of the rows of block {@code b}. */
  public NodeType blockType(int b) {
    return plan.block(b).type();
  }

  /**
   * Placeholder values for evaluating {@link #EMBEDDING} on {@code tree}; {@code ids} holds the learned
   * vectors ({@code null} when the config has none).
   */
  public EncoderInputs inputs(ComputationTree tree, EncoderFeatures source, IdEmbeddings ids) {
    return inputs(tree, source, ids, null);
  }

  /**
   * Placeholder values for the training path, with dropout masks (and hidden learned vectors of seed-type
   * nodes, see {@link SageEncoderConfig#idDropout()}) drawn from {@code dropoutSeed}.
   */
  public EncoderInputs trainingInputs(ComputationTree tree, EncoderFeatures source, IdEmbeddings ids,
      long dropoutSeed) {
    return inputs(tree, source, ids, new SplittableRandom(dropoutSeed));
  }

  private EncoderInputs inputs(ComputationTree tree, EncoderFeatures source, IdEmbeddings ids,
      SplittableRandom masks) {
    if (tree.plan() != plan) {
      throw new IllegalArgumentException("the tree was built for another plan: " + tree.plan());
    }
    if (!idRows.isEmpty() && ids == null) {
      throw new IllegalArgumentException("the encoder reads learned vectors of " + config.idEmbeddingTypes()
          + " but none were given");
    }
    Map<String, INDArray> in = new LinkedHashMap<>();
    Map<String, int[]> idNodes = new LinkedHashMap<>();
    SampledBlocks sample = tree.sample();
    BlockLayout layout = BlockLayout.of(tree, slotted);
    int[] padRow = new int[types.size()];
    for (int t = 0; t < types.size(); t++) {
      NodeType type = types.get(t);
      int n = sample.nodeCount(type);
      int d = featureDims[t];
      if (source.dimension(type) != d) {
        throw new IllegalArgumentException("node type '" + type + "' has " + source.dimension(type)
            + " feature columns, the encoder expects " + d);
      }
      int rows = bucketRows(n + 1);
      float[] x = new float[rows * d];
      source.copyRows(type, sample.globalIds(type), n, x);
      padRow[t] = n;
      in.put("x_" + t, Nd4j.create(x, new long[] {rows, d}, 'c'));
      if (masks != null && featureMasks[t] != null) {
        in.put("xmask_" + t, dropoutMask(masks, n + 1, rows, d));
      }
    }
    for (TreePlan.Spec s : plan.blocks()) {
      int b = s.index();
      int[] local = tree.localIdsOf(b);
      int[] fed = layout.rowsOf(b);
      int[] rowIds = new int[layout.rows(b)];
      java.util.Arrays.fill(rowIds, padRow[types.indexOf(s.type())]);
      for (int i = 0; i < local.length; i++) {
        rowIds[fed[i]] = local[i];
      }
      in.put("ids_" + b, Nd4j.createFromArray(rowIds));
      if (s.isRoot()) {
        in.put(SEED_ROWS, seedRows(local.length, layout.rows(b)));
        continue;
      }
      float[] weights = layout.weights(b, tree, config.aggregator() == Aggregator.MEAN);
      if (slotted[b]) {
        in.put(aggregationPlaceholder(b), Nd4j.create(weights, new long[] {weights.length, 1}, 'c'));
        in.put("slots_" + b, Nd4j.createFromArray(new long[] {layout.rows(s.parent()), layout.slots(b), -1}));
      } else {
        in.put(aggregationPlaceholder(b),
            Nd4j.create(weights, new long[] {layout.rows(s.parent()), layout.rows(b)}, 'c'));
      }
    }
    NodeType seedType = plan.block(0).type();
    for (Map.Entry<Integer, SDVariable> e : idRows.entrySet()) {
      int b = e.getKey();
      NodeType type = blockType(b);
      int[] local = tree.localIdsOf(b);
      int[] fed = layout.rowsOf(b);
      int[] nodes = new int[layout.rows(b)];
      java.util.Arrays.fill(nodes, -1);
      boolean hide = masks != null && type.equals(seedType) && config.idDropout() > 0;
      for (int i = 0; i < local.length; i++) {
        nodes[fed[i]] = hide && masks.nextDouble() < config.idDropout() ? -1 : sample.globalId(type, local[i]);
      }
      float[] values = new float[nodes.length * ids.dim()];
      ids.copyRows(type, nodes, nodes.length, values);
      in.put(idPlaceholder(b), Nd4j.create(values, new long[] {nodes.length, ids.dim()}, 'c'));
      idNodes.put(idPlaceholder(b), nodes);
    }
    if (masks != null) {
      for (Map.Entry<String, int[]> e : hiddenMaskShapes.entrySet()) {
        int block = e.getValue()[0];
        in.put(e.getKey(), dropoutMask(masks, layout.rowsOf(block), layout.rows(block), e.getValue()[1]));
      }
    }
    return new EncoderInputs(in, idNodes);
  }

  /** Name of the placeholder holding block {@code b}'s aggregation weights (see the class comment). */
  static String aggregationPlaceholder(int b) {
    return "aggregate_" + b;
  }

  /** {@code S[i, i] = 1}: picks the seeds' rows out of the root's padded rows. */
  private static INDArray seedRows(int seeds, int rows) {
    float[] s = new float[seeds * rows];
    for (int i = 0; i < seeds; i++) {
      s[i * rows + i] = 1f;
    }
    return Nd4j.create(s, new long[] {seeds, rows}, 'c');
  }

  /**
   * {@code rows} rounded up to one of eight sizes per power of two (at most 12.5% more, at least 64).
   *
   * <p>ND4J (1.0.0-M2.1) keeps the tensor-along-dimension offsets of every array shape it has reduced, in
   * native memory it never frees: reducing a 64-wide float array along its rows leaves 8 bytes per row
   * behind for each new row count (0.6 MB for 75,000 rows; measured over 3,000 random row counts against
   * one fixed count, which leaves nothing). Sampled neighbourhoods have new row counts at every step; with
   * rounding, the shapes repeat.
   */
  static int bucketRows(int rows) {
    if (rows <= 64) {
      return 64;
    }
    int step = Integer.highestOneBit(rows) >>> 3;
    return (rows + step - 1) / step * step;
  }

  /** {@link #dropoutMask(SplittableRandom, int[], int, int)} drawn for rows {@code 0 .. drawn-1}. */
  private INDArray dropoutMask(SplittableRandom random, int drawn, int rows, int c) {
    int[] first = new int[drawn];
    java.util.Arrays.setAll(first, i -> i);
    return dropoutMask(random, first, rows, c);
  }

  /**
   * Inverted dropout: each entry of the rows {@code drawnRows} (in that order) is 0 with probability p, else
   * 1/(1-p), from 16 random bits; the other (padding) rows of the {@code rows} are 0 and draw nothing, so the
   * masks of real rows do not depend on the padding.
   */
  private INDArray dropoutMask(SplittableRandom random, int[] drawnRows, int rows, int c) {
    float keep = (float) (1 - config.dropout());
    int threshold = (int) Math.round(keep * 65536.0);
    float scale = 1f / keep;
    float[] mask = new float[rows * c];
    long bits = 0;
    int drawn = 0;
    for (int row : drawnRows) {
      for (int j = 0; j < c; j++, drawn++) {
        if ((drawn & 3) == 0) {
          bits = random.nextLong();
        }
        mask[row * c + j] = (int) (bits & 0xFFFF) < threshold ? scale : 0f;
        bits >>>= 16;
      }
    }
    return Nd4j.create(mask, new long[] {rows, c}, 'c');
  }

  private SDVariable build(boolean train) {
    int layers = config.layers();
    List<TreePlan.Spec> specs = plan.blocks();
    SDVariable[] h = new SDVariable[specs.size()];
    int projection = config.inputProjectionDim();
    for (TreePlan.Spec s : specs) {
      int t = types.indexOf(s.type());
      SDVariable x = features[t];
      if (train && featureMasks[t] != null) {
        x = x.mul(featureMasks[t]);
      }
      SDVariable rowsOfBlock = sd.gather(x, ids[s.index()], 0);
      if (projection > 0) {
        SDVariable p = parameters.weight("proj_" + t + "_W", featureDims[t], projection);
        SDVariable pb = parameters.bias("proj_" + t + "_b", projection);
        rowsOfBlock = sd.nn().relu(rowsOfBlock.mmul(p).add(pb), 0);
      }
      SDVariable learned = idRows.get(s.index());
      if (learned != null) {
        rowsOfBlock = rowsOfBlock.add(learned);
      }
      h[s.index()] = rowsOfBlock;
    }
    for (int k = 1; k <= layers; k++) {
      SDVariable[] next = new SDVariable[specs.size()];
      int width = config.layerDim(k);
      int half = config.combination() == Combination.CONCAT ? width / 2 : width;
      for (TreePlan.Spec s : specs) {
        if (s.level() > layers - k) {
          continue;
        }
        int b = s.index();
        int t = types.indexOf(s.type());
        SDVariable self = layerInput(h, b, k, train);
        SDVariable selfPart = self.mmul(parameters.weight("L" + k + "_self_" + t + "_W", inputDim(k, t), half));
        List<SDVariable> neighbours = new ArrayList<>();
        for (int c : plan.children(b)) {
          TreePlan.Spec child = plan.block(c);
          int ct = types.indexOf(child.type());
          String rel = "L" + k + "_" + child.relationKey();
          SDVariable hc = layerInput(h, c, k, train);
          SDVariable agg;
          if (config.aggregator() == Aggregator.MEAN) {
            // mean(h_u) W = mean(h_u W): transforming before aggregating keeps the product with the aggregation
            // matrix as narrow as the layer, not as wide as the input features.
            SDVariable transformed = hc.mmul(parameters.weight(rel + "_neigh_W", inputDim(k, ct), half));
            agg = slotted[c] ? sd.reshape(transformed.mul(aggregations[c]), slotShapes[c]).sum(1)
                : aggregations[c].mmul(transformed);
          } else {
            SDVariable pooled = sd.nn().relu(hc.mmul(parameters.weight(rel + "_pool_W", inputDim(k, ct), half))
                .add(parameters.bias(rel + "_pool_b", half)), 0);
            // Pooled values are >= 0, so the zeroed padding slots never exceed a real child's, and a parent
            // without children gets the zero vector.
            SDVariable slots = sd.reshape(pooled.mul(aggregations[c]), slotShapes[c]);
            agg = slots.max(1).mmul(parameters.weight(rel + "_neigh_W", half, half));
          }
          neighbours.add(agg);
        }
        SDVariable neighbourPart;
        if (neighbours.isEmpty()) {
          neighbourPart = sd.zerosLike(selfPart);
        } else {
          neighbourPart = neighbours.get(0);
          for (int i = 1; i < neighbours.size(); i++) {
            neighbourPart = neighbourPart.add(neighbours.get(i));
          }
          if (neighbours.size() > 1) {
            neighbourPart = neighbourPart.div(neighbours.size());
          }
        }
        SDVariable out = config.combination() == Combination.CONCAT
            ? sd.concat(1, selfPart, neighbourPart) : selfPart.add(neighbourPart);
        out = out.add(parameters.bias("L" + k + "_" + t + "_b", width));
        next[b] = k < layers ? sd.nn().relu(out, 0) : out;
      }
      h = next;
    }
    SDVariable z = seedRows.mmul(h[0]);
    if (config.normalizeOutput()) {
      z = z.div(sd.math().sqrt(sd.math().square(z).sum(true, 1).add(1e-12)));
    }
    return z;
  }

  /** Input width of layer {@code k} for node type index {@code t}. */
  private int inputDim(int k, int t) {
    if (k > 1) {
      return config.layerDim(k - 1);
    }
    return config.inputProjectionDim() > 0 ? config.inputProjectionDim() : featureDims[t];
  }

  /** The input of layer {@code k} at block {@code b}: dropout on hidden layers while training. */
  private SDVariable layerInput(SDVariable[] h, int b, int k, boolean train) {
    if (!train || k == 1 || config.dropout() == 0) {
      return h[b];
    }
    String name = "hmask_" + k + "_" + b;
    SDVariable mask = hiddenMasks.computeIfAbsent(name, n -> {
      int width = config.layerDim(k - 1);
      hiddenMaskShapes.put(n, new int[] {b, width});
      return sd.placeHolder(n, DataType.FLOAT, -1, width);
    });
    return h[b].mul(mask);
  }
}
