package dev.polyphony.rank;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Impressions of items to queries (users) with one feature row and one label per task each: the data of
 * ranking heads. Immutable.
 *
 * <p>Rows of one query are contiguous (so per-query rankings are slices). Labels are 0/1 on the entire
 * impression space: a task with a parent (see {@link RankingTasks}) is 1 only where its parent is 1, and
 * the constructor rejects a row that breaks this. Optional columns: per {@link ExposureTrait} a value in
 * [0, 1] per row, and, for synthetic logs, the true conditional probability of every task given its parent
 * (given nothing for a task without parent), from which the true joint probability follows.
 */
public final class ImpressionLog {
  private final RankingTasks tasks;
  private final List<String> featureNames;
  private final float[] features;
  private final byte[] labels;
  private final int[] queries;
  private final int[] items;
  private final Map<ExposureTrait, float[]> traits;
  private final float[] trueConditional;
  private final int[] queryStarts;

  /**
   * @param features {@code rows x featureNames.size()} row-major
   * @param labels {@code rows x tasks.count()} row-major, each 0 or 1
   * @param queries query of every row; a query's rows are contiguous
   * @param items item of every row
   * @param traits per trait one value in [0, 1] per row (absent traits are left out)
   * @param trueConditional {@code rows x tasks.count()} probabilities in [0, 1], or {@code null}
   */
  public ImpressionLog(RankingTasks tasks, List<String> featureNames, float[] features, byte[] labels, int[] queries,
      int[] items, Map<ExposureTrait, float[]> traits, float[] trueConditional) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.featureNames = List.copyOf(featureNames);
    this.features = Objects.requireNonNull(features, "features");
    this.labels = Objects.requireNonNull(labels, "labels");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.items = Objects.requireNonNull(items, "items");
    int rows = queries.length;
    int d = this.featureNames.size();
    int t = tasks.count();
    if (d == 0) {
      throw new IllegalArgumentException("an impression log needs at least one feature (got none)");
    }
    requireLength("features", features.length, (long) rows * d);
    requireLength("labels", labels.length, (long) rows * t);
    requireLength("items", items.length, rows);
    for (int i = 0; i < features.length; i++) {
      if (!Float.isFinite(features[i])) {
        throw new IllegalArgumentException("row " + i / d + ": feature '" + this.featureNames.get(i % d)
            + "' is not finite (got " + features[i] + ")");
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < t; k++) {
        byte y = labels[r * t + k];
        if (y != 0 && y != 1) {
          throw new IllegalArgumentException("row " + r + ": label of task '" + tasks.name(k) + "' must be 0 or 1 (got "
              + y + ")");
        }
        if (y == 1 && tasks.hasParent(k) && labels[r * t + tasks.parent(k)] == 0) {
          throw new IllegalArgumentException("row " + r + ": task '" + tasks.name(k) + "' is 1 but its parent '"
              + tasks.name(tasks.parent(k)) + "' is 0");
        }
      }
    }
    EnumMap<ExposureTrait, float[]> copy = new EnumMap<>(ExposureTrait.class);
    traits.forEach((trait, values) -> {
      requireLength("trait " + trait.label(), values.length, rows);
      for (int r = 0; r < rows; r++) {
        if (!(values[r] >= 0 && values[r] <= 1)) {
          throw new IllegalArgumentException("row " + r + ": trait '" + trait.label() + "' must be in [0, 1] (got "
              + values[r] + ")");
        }
      }
      copy.put(trait, values);
    });
    this.traits = Collections.unmodifiableMap(copy);
    if (trueConditional != null) {
      requireLength("trueConditional", trueConditional.length, (long) rows * t);
      for (int i = 0; i < trueConditional.length; i++) {
        if (!(trueConditional[i] >= 0 && trueConditional[i] <= 1)) {
          throw new IllegalArgumentException("row " + i / t + ": true probability of task '" + tasks.name(i % t)
              + "' must be in [0, 1] (got " + trueConditional[i] + ")");
        }
      }
    }
    this.trueConditional = trueConditional;
    this.queryStarts = queryStarts(queries);
  }

  private static void requireLength(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(what + " must have " + expected + " values (got " + actual + ")");
    }
  }

  /** Start row of every query block plus the row count at the end; fails when a query's rows are split. */
  private static int[] queryStarts(int[] queries) {
    IntArrayList starts = new IntArrayList();
    it.unimi.dsi.fastutil.ints.IntOpenHashSet closed = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
    for (int r = 0; r < queries.length; r++) {
      if (r == 0 || queries[r] != queries[r - 1]) {
        if (r > 0) {
          closed.add(queries[r - 1]);
        }
        if (closed.contains(queries[r])) {
          throw new IllegalArgumentException("row " + r + ": the rows of query " + queries[r] + " are not contiguous");
        }
        starts.add(r);
      }
    }
    starts.add(queries.length);
    return starts.toIntArray();
  }

  public RankingTasks tasks() {
    return tasks;
  }

  public int rows() {
    return queries.length;
  }

  public int featureCount() {
    return featureNames.size();
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public float feature(int row, int column) {
    return features[row * featureNames.size() + column];
  }

  /** Copies the feature rows {@code rows} into {@code out} (row-major, {@code rows.length x featureCount}). */
  public void copyFeatures(int[] rows, float[] out) {
    int d = featureNames.size();
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(features, rows[i] * d, out, i * d, d);
    }
  }

  /** All feature rows, row-major (a copy). */
  public float[] features() {
    return features.clone();
  }

  public int label(int row, int task) {
    return labels[row * tasks.count() + task];
  }

  public int query(int row) {
    return queries[row];
  }

  public int item(int row) {
    return items[row];
  }

  /** Number of query blocks. */
  public int queryCount() {
    return queryStarts.length - 1;
  }

  /** First row of query block {@code q} (0-based in row order). */
  public int queryStart(int q) {
    return queryStarts[q];
  }

  /** One past the last row of query block {@code q}. */
  public int queryEnd(int q) {
    return queryStarts[q + 1];
  }

  /** The trait's value per row, when the log has it (a live view: do not modify). */
  public Optional<float[]> trait(ExposureTrait trait) {
    return Optional.ofNullable(traits.get(trait));
  }

  /** The traits this log has. */
  public java.util.Set<ExposureTrait> traits() {
    return traits.keySet();
  }

  public boolean hasTrueProbabilities() {
    return trueConditional != null;
  }

  /** True probability of {@code task} given its parent's event (given nothing without parent). */
  public double trueConditional(int row, int task) {
    requireTrue();
    return trueConditional[row * tasks.count() + task];
  }

  /** True probability of {@code task}'s event on the entire space: the product down its chain. */
  public double trueJoint(int row, int task) {
    requireTrue();
    double p = 1;
    for (int t = task; t >= 0; t = tasks.parent(t)) {
      p *= trueConditional[row * tasks.count() + t];
    }
    return p;
  }

  private void requireTrue() {
    if (trueConditional == null) {
      throw new IllegalStateException("this impression log has no true probabilities");
    }
  }

  /** Share of rows whose label of {@code task} is 1. */
  public double positiveRate(int task) {
    if (rows() == 0) {
      return 0;
    }
    long positives = 0;
    for (int r = 0; r < rows(); r++) {
      positives += label(r, task);
    }
    return (double) positives / rows();
  }

  /** The log of the query blocks {@code blocks} (block indexes, in the order given). */
  public ImpressionLog selectQueries(int[] blocks) {
    IntArrayList rows = new IntArrayList();
    for (int q : blocks) {
      for (int r = queryStart(q); r < queryEnd(q); r++) {
        rows.add(r);
      }
    }
    return selectRows(rows.toIntArray());
  }

  private ImpressionLog selectRows(int[] rows) {
    int d = featureCount();
    int t = tasks.count();
    float[] f = new float[rows.length * d];
    byte[] y = new byte[rows.length * t];
    int[] q = new int[rows.length];
    int[] it = new int[rows.length];
    float[] truth = trueConditional == null ? null : new float[rows.length * t];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      System.arraycopy(features, r * d, f, i * d, d);
      System.arraycopy(labels, r * t, y, i * t, t);
      if (truth != null) {
        System.arraycopy(trueConditional, r * t, truth, i * t, t);
      }
      q[i] = queries[r];
      it[i] = items[r];
    }
    EnumMap<ExposureTrait, float[]> selected = new EnumMap<>(ExposureTrait.class);
    traits.forEach((trait, values) -> {
      float[] v = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = values[rows[i]];
      }
      selected.put(trait, v);
    });
    return new ImpressionLog(tasks, featureNames, f, y, q, it, selected, truth);
  }

  /** Collects impressions row by row; rows of one query must be added together. */
  public static final class Builder {
    private final RankingTasks tasks;
    private final List<String> featureNames;
    private final FloatArrayList features = new FloatArrayList();
    private final ByteArrayList labels = new ByteArrayList();
    private final IntArrayList queries = new IntArrayList();
    private final IntArrayList items = new IntArrayList();
    private final EnumMap<ExposureTrait, FloatArrayList> traits = new EnumMap<>(ExposureTrait.class);
    private final FloatArrayList trueConditional;

    /**
     * @param traits the traits every row will carry
     * @param withTrueProbabilities whether every row carries true conditional probabilities
     */
    public Builder(RankingTasks tasks, List<String> featureNames, java.util.Set<ExposureTrait> traits,
        boolean withTrueProbabilities) {
      this.tasks = Objects.requireNonNull(tasks, "tasks");
      this.featureNames = List.copyOf(featureNames);
      for (ExposureTrait trait : traits) {
        this.traits.put(trait, new FloatArrayList());
      }
      this.trueConditional = withTrueProbabilities ? new FloatArrayList() : null;
    }

    /**
     * Adds one impression.
     *
     * @param traitValues one value per trait given to the constructor, in {@link ExposureTrait} order
     * @param truth true conditional probabilities per task, or {@code null} when the log has none
     */
    public Builder add(int query, int item, float[] featureRow, byte[] labelRow, float[] traitValues, float[] truth) {
      if (featureRow.length != featureNames.size() || labelRow.length != tasks.count()
          || traitValues.length != traits.size()) {
        throw new IllegalArgumentException("impression of query " + query + " has " + featureRow.length + " features, "
            + labelRow.length + " labels and " + traitValues.length + " traits; expected " + featureNames.size()
            + ", " + tasks.count() + " and " + traits.size());
      }
      if ((truth == null) != (trueConditional == null)) {
        throw new IllegalArgumentException("impression of query " + query + (truth == null
            ? " lacks the true probabilities the log carries" : " has true probabilities the log does not carry"));
      }
      queries.add(query);
      items.add(item);
      features.addElements(features.size(), featureRow);
      labels.addElements(labels.size(), labelRow);
      int k = 0;
      for (FloatArrayList column : traits.values()) {
        column.add(traitValues[k++]);
      }
      if (truth != null) {
        if (truth.length != tasks.count()) {
          throw new IllegalArgumentException("impression of query " + query + " has " + truth.length
              + " true probabilities; expected " + tasks.count());
        }
        trueConditional.addElements(trueConditional.size(), truth);
      }
      return this;
    }

    public int rows() {
      return queries.size();
    }

    public ImpressionLog build() {
      EnumMap<ExposureTrait, float[]> columns = new EnumMap<>(ExposureTrait.class);
      traits.forEach((trait, values) -> columns.put(trait, values.toFloatArray()));
      return new ImpressionLog(tasks, featureNames, features.toFloatArray(), labels.toByteArray(),
          queries.toIntArray(), items.toIntArray(), columns, trueConditional == null ? null : trueConditional.toFloatArray());
    }
  }
}
