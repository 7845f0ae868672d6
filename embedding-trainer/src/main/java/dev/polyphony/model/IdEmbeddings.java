package dev.polyphony.model;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.SeedDerivation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Learned per-node vectors for the transductive part of the encoder: one table of {@code dim} floats per
 * node of each chosen type, added to the node's projected features at the encoder's input.
 *
 * <p>The tables live on the host, not in the SameDiff graph: the encoder reads the rows of a batch through
 * placeholders, the trainer takes the gradient of the loss with respect to those placeholders and
 * {@link #accumulate accumulates} it per node, and {@link #applyAdam} updates only the rows a step touched
 * ("lazy" Adam, as sparse embedding tables are trained at scale). This keeps every gradient out of ND4J's
 * gather backward pass and costs memory proportional to the batch, not the catalog.
 *
 * <p>Rows start as small seeded Gaussians (standard deviation {@value #INIT_STD}). A node never trained on
 * (a new track) keeps that near-zero row, so inductive inference rests on its features and neighbours; the
 * encoder's id dropout teaches the network to expect exactly that (DropoutNet: Volkovs, Yu and Poutanen,
 * NeurIPS 2017).
 */
public final class IdEmbeddings {
  static final double INIT_STD = 0.01;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final int dim;
  private final Map<NodeType, Table> tables = new LinkedHashMap<>();

  /**
   * Tables for {@code types} of {@code graph}, {@code dim} wide, initialised from {@code seed} (type {@code i}
   * of the list from stream {@code seed / i}).
   */
  public IdEmbeddings(HeteroGraph graph, List<NodeType> types, int dim, long seed) {
    if (dim <= 0) {
      throw new IllegalArgumentException("dim must be > 0 (got " + dim + ")");
    }
    this.dim = dim;
    for (int i = 0; i < types.size(); i++) {
      NodeType type = types.get(i);
      int n = graph.nodeCount(type);
      float[] values = new float[n * dim];
      SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, i));
      for (int j = 0; j < values.length; j++) {
        values[j] = (float) (gaussian(random) * INIT_STD);
      }
      tables.put(type, new Table(n, values));
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  public int dim() {
    return dim;
  }

  public List<NodeType> types() {
    return List.copyOf(tables.keySet());
  }

  public boolean has(NodeType type) {
    return tables.containsKey(type);
  }

  /** The live values of {@code type}'s table, row-major ({@code nodeCount x dim}). */
  public float[] values(NodeType type) {
    return table(type).values;
  }

  /** Copies the rows of nodes {@code ids[0..count)} into {@code out} from row 0; a negative id gives zeros. */
  public void copyRows(NodeType type, int[] ids, int count, float[] out) {
    float[] values = table(type).values;
    for (int i = 0; i < count; i++) {
      if (ids[i] >= 0) {
        System.arraycopy(values, ids[i] * dim, out, i * dim, dim);
      } else {
        java.util.Arrays.fill(out, i * dim, (i + 1) * dim, 0f);
      }
    }
  }

  /**
   * Adds row {@code i} of {@code gradient} ({@code count x dim}, row-major) to the pending gradient of node
   * {@code ids[i]}; negative ids (padding, dropped rows) are skipped.
   */
  public void accumulate(NodeType type, int[] ids, int count, float[] gradient) {
    Table t = table(type);
    for (int i = 0; i < count; i++) {
      int node = ids[i];
      if (node < 0) {
        continue;
      }
      if (!t.touched[node]) {
        t.touched[node] = true;
        t.pending.add(node);
      }
      int base = node * dim;
      for (int c = 0; c < dim; c++) {
        t.gradient[base + c] += gradient[i * dim + c];
      }
    }
  }

  /**
   * One lazy Adam step (Kingma and Ba, ICLR 2015) with {@code learningRate} at global step {@code step} on
   * every row with a pending gradient, then clears the pending gradients.
   */
  public void applyAdam(double learningRate, long step) {
    double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
    for (Table t : tables.values()) {
      for (int k = 0; k < t.pending.size(); k++) {
        int node = t.pending.getInt(k);
        int base = node * dim;
        for (int c = base; c < base + dim; c++) {
          float g = t.gradient[c];
          t.first[c] = (float) (BETA1 * t.first[c] + (1 - BETA1) * g);
          t.second[c] = (float) (BETA2 * t.second[c] + (1 - BETA2) * g * g);
          t.values[c] -= (float) (alpha * t.first[c] / (Math.sqrt(t.second[c]) + EPSILON));
          t.gradient[c] = 0f;
        }
        t.touched[node] = false;
      }
      t.pending.clear();
    }
  }

  /** The state to checkpoint: per type, values, first and second moments (live arrays). */
  public Map<NodeType, float[][]> state() {
    Map<NodeType, float[][]> state = new LinkedHashMap<>();
    tables.forEach((type, t) -> state.put(type, new float[][] {t.values, t.first, t.second}));
    return state;
  }

  /** Replaces values and moments with copies of a {@link #state()}'s; types and sizes must match. */
  public void restore(Map<NodeType, float[][]> state) {
    if (!state.keySet().equals(tables.keySet())) {
      throw new IllegalArgumentException("state holds id tables " + state.keySet() + ", the model " + tables.keySet());
    }
    state.forEach((type, arrays) -> {
      Table t = tables.get(type);
      for (int i = 0; i < 3; i++) {
        if (arrays[i].length != t.values.length) {
          throw new IllegalArgumentException("id table '" + type + "' has " + arrays[i].length
              + " values in the state, " + t.values.length + " in the model");
        }
      }
      System.arraycopy(arrays[0], 0, t.values, 0, t.values.length);
      System.arraycopy(arrays[1], 0, t.first, 0, t.values.length);
      System.arraycopy(arrays[2], 0, t.second, 0, t.values.length);
    });
  }

  /** A deep copy of the values only (for keeping the best epoch's weights). */
  public Map<NodeType, float[]> copyValues() {
    Map<NodeType, float[]> copy = new LinkedHashMap<>();
    tables.forEach((type, t) -> copy.put(type, t.values.clone()));
    return copy;
  }

  /** Overwrites the values with {@code values} (as {@link #copyValues()} returned them). */
  public void assignValues(Map<NodeType, float[]> values) {
    values.forEach((type, v) -> System.arraycopy(v, 0, table(type).values, 0, v.length));
  }

  private Table table(NodeType type) {
    Table t = tables.get(type);
    if (t == null) {
      throw new NoSuchElementException("no id embeddings for node type '" + type + "'; types: " + tables.keySet());
    }
    return t;
  }

  private static final class Table {
    final float[] values;
    final float[] first;
    final float[] second;
    final float[] gradient;
    final boolean[] touched;
    final it.unimi.dsi.fastutil.ints.IntArrayList pending = new it.unimi.dsi.fastutil.ints.IntArrayList();

    Table(int rows, float[] values) {
      this.values = values;
      this.first = new float[values.length];
      this.second = new float[values.length];
      this.gradient = new float[values.length];
      this.touched = new boolean[rows];
    }
  }
}
