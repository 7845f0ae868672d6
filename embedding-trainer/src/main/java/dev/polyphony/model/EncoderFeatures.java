package dev.polyphony.model;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The content features the encoder reads, one dense row-major matrix per node type, already normalised.
 *
 * <p>A node type without {@link NodeFeatures} gets one constant column of ones, so its nodes are told
 * apart only by their neighbourhoods (the usual featureless GraphSAGE input).
 */
public final class EncoderFeatures {
  private final Map<NodeType, Matrix> matrices;

  private EncoderFeatures(Map<NodeType, Matrix> matrices) {
    this.matrices = matrices;
  }

  /** Features of every node type of {@code graph}, scaled as {@code normalization} says. */
  public static EncoderFeatures of(HeteroGraph graph, FeatureNormalization normalization) {
    Objects.requireNonNull(normalization, "normalization");
    Map<NodeType, Matrix> matrices = new LinkedHashMap<>();
    for (NodeType type : graph.schema().nodeTypes()) {
      int rows = graph.nodeCount(type);
      NodeFeatures features = graph.features(type).orElse(null);
      if (features == null) {
        float[] ones = new float[rows];
        java.util.Arrays.fill(ones, 1f);
        matrices.put(type, new Matrix(rows, 1, ones));
        continue;
      }
      NodeFeatures scaled = normalization == FeatureNormalization.STANDARDIZE ? features.standardized() : features;
      float[] values = new float[rows * features.dimension()];
      scaled.valuesView().get(values);
      if (normalization == FeatureNormalization.ROW_SUM) {
        rowSumNormalize(values, rows, features.dimension());
      }
      matrices.put(type, new Matrix(rows, features.dimension(), values));
    }
    return new EncoderFeatures(matrices);
  }

  /** Node types in schema order. */
  public List<NodeType> types() {
    return List.copyOf(matrices.keySet());
  }

  /** Number of feature columns of {@code type}. */
  public int dimension(NodeType type) {
    return matrix(type).columns;
  }

  public int rows(NodeType type) {
    return matrix(type).rows;
  }

  /** Copies the rows of nodes {@code ids[0..count)} of {@code type} into {@code out} from offset 0, row-major. */
  public void copyRows(NodeType type, int[] ids, int count, float[] out) {
    Matrix m = matrix(type);
    for (int i = 0; i < count; i++) {
      System.arraycopy(m.values, ids[i] * m.columns, out, i * m.columns, m.columns);
    }
  }

  /** Value at ({@code node}, {@code column}) of {@code type}. */
  public float get(NodeType type, int node, int column) {
    Matrix m = matrix(type);
    return m.values[node * m.columns + column];
  }

  private Matrix matrix(NodeType type) {
    Matrix m = matrices.get(type);
    if (m == null) {
      throw new NoSuchElementException("no features for node type '" + type + "'; types: " + matrices.keySet());
    }
    return m;
  }

  static void rowSumNormalize(float[] values, int rows, int columns) {
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int c = 0; c < columns; c++) {
        sum += Math.abs(values[r * columns + c]);
      }
      if (sum > 0) {
        float inv = (float) (1 / sum);
        for (int c = 0; c < columns; c++) {
          values[r * columns + c] *= inv;
        }
      }
    }
  }

  private record Matrix(int rows, int columns, float[] values) {}
}
