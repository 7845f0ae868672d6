package dev.polyphony.rank;

import dev.polyphony.model.SessionMemory;
import dev.polyphony.rank.head.CrossTaskDistillation;
import dev.polyphony.rank.head.HeadArchitecture;
import dev.polyphony.rank.head.HeadBuilder;
import dev.polyphony.rank.head.HeadOutputs;
import dev.polyphony.rank.head.HeadParameters;
import dev.polyphony.rank.head.Losses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A ranking head as one SameDiff graph: raw features in, standardised with the training statistics, through
 * the head's {@link HeadArchitecture}, to one probability per task; plus the training loss.
 *
 * <p>Loss: {@code sum_t mean over the task's rows of BCE}, on the entire impression space against joint
 * labels, except for heads that learn conversion steps on parent positives only (their rows: parent label
 * 1; their output: the conditional probability); plus the head's own penalty (AITM's calibrator) and, when
 * configured, {@link CrossTaskDistillation}. Placeholders: {@value #FEATURES} {@code [batch, features]},
 * {@value #LABELS} and {@value #MASK} {@code [batch, tasks]}, and with distillation {@value #LEVELS}.
 *
 * <p>Not thread-safe: one model serves one thread.
 */
public final class RankingModel implements RankingHead {
  public static final String FEATURES = "x";
  public static final String LABELS = "y";
  public static final String MASK = "mask";
  public static final String LEVELS = "levels";
  public static final String PROBABILITIES = "probabilities";
  public static final String CONDITIONAL = "conditional";
  public static final String LOSS = "loss";
  /** Rows per forward pass when predicting, bounding the size of intermediate arrays. */
  private static final int PREDICT_CHUNK = 8192;

  private final HeadConfig config;
  private final RankingTasks tasks;
  private final FeatureScaling scaling;
  private final HeadArchitecture architecture;
  private final SameDiff sd;
  private final HeadParameters parameters;
  private final boolean hasConditional;
  private final Map<String, SDVariable> diagnostics = new LinkedHashMap<>();

  /**
   * Builds the head.
   *
   * @param scaling standardisation of the raw features (fitted on training rows)
   * @param baseRates per task the positive rate among its training rows (distillation's error correction)
   * @param seed initialisation seed
   */
  public RankingModel(HeadConfig config, RankingTasks tasks, FeatureScaling scaling, double[] baseRates, long seed) {
    this.config = Objects.requireNonNull(config, "config");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.scaling = Objects.requireNonNull(scaling, "scaling");
    if (baseRates.length != tasks.count()) {
      throw new IllegalArgumentException("baseRates must have one rate per task (" + tasks.count() + "), got "
          + baseRates.length);
    }
    this.architecture = config.architecture();
    this.sd = SameDiff.create();
    this.parameters = new HeadParameters(sd, seed);
    int d = scaling.columns();
    int t = tasks.count();
    SDVariable x = sd.placeHolder(FEATURES, DataType.FLOAT, -1, d);
    SDVariable scaled = x.sub(sd.constant(Nd4j.create(scaling.means(), new long[] {1, d}, 'c')))
        .div(sd.constant(Nd4j.create(scaling.scales(), new long[] {1, d}, 'c')));
    HeadBuilder builder = new HeadBuilder(parameters, tasks);
    HeadOutputs out = architecture.build(builder, scaled, d);
    out.probabilities().rename(PROBABILITIES);
    hasConditional = out.conditional() != null;
    if (hasConditional) {
      out.conditional().rename(CONDITIONAL);
    }
    diagnostics.putAll(out.diagnostics());

    SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, t);
    SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, -1, t);
    SDVariable trained = architecture.trainsConditionalOnParentPositives() && hasConditional
        ? out.conditional() : out.probabilities();
    SDVariable loss = Losses.maskedBce(sd, trained, labels, mask);
    if (out.penalty() != null) {
      loss = loss.add(out.penalty());
    }
    if (config.distils()) {
      SDVariable levels = sd.placeHolder(LEVELS, DataType.FLOAT, -1, t);
      CrossTaskDistillation distillation = new CrossTaskDistillation(config.distillation(), config.towerDim());
      loss = loss.add(distillation.build(builder, out.representation(), trained, labels, mask, levels, baseRates,
          diagnostics));
    }
    loss.rename(LOSS);
    sd.setLossVariables(LOSS);
  }

  /** A model whose scaling and base rates come from {@code train}. */
  public static RankingModel forTraining(HeadConfig config, ImpressionLog train, long seed) {
    return new RankingModel(config, train.tasks(), FeatureScaling.fit(train), baseRates(config, train), seed);
  }

  /** Per task the positive rate among the rows its loss uses under {@code config}. */
  static double[] baseRates(HeadConfig config, ImpressionLog log) {
    RankingTasks tasks = log.tasks();
    boolean conditional = config.architecture().trainsConditionalOnParentPositives();
    double[] rates = new double[tasks.count()];
    for (int k = 0; k < rates.length; k++) {
      long rows = 0;
      long positives = 0;
      for (int r = 0; r < log.rows(); r++) {
        if (!conditional || !tasks.hasParent(k) || log.label(r, tasks.parent(k)) == 1) {
          rows++;
          positives += log.label(r, k);
        }
      }
      rates[k] = rows == 0 ? 0 : (double) positives / rows;
    }
    return rates;
  }

  @Override
  public String name() {
    return config.label();
  }

  public HeadConfig config() {
    return config;
  }

  @Override
  public RankingTasks tasks() {
    return tasks;
  }

  @Override
  public int featureCount() {
    return scaling.columns();
  }

  public SameDiff sameDiff() {
    return sd;
  }

  /** Names of the trainable variables. */
  public List<String> parameterNames() {
    return parameters.names();
  }

  /** Number of trainable scalars. */
  public long parameterCount() {
    return parameters.count();
  }

  /** Names of the diagnostic variables the head exposes (gates, attention, teacher). */
  public List<String> diagnosticNames() {
    return new ArrayList<>(diagnostics.keySet());
  }

  /** The SameDiff training setup: {@code updater}, L2 weight {@code l2}, placeholders mapped to batches. */
  public TrainingConfig trainingConfig(IUpdater updater, double l2) {
    List<String> labelNames = new ArrayList<>(List.of(LABELS, MASK));
    if (config.distils()) {
      labelNames.add(LEVELS);
    }
    TrainingConfig.Builder b = new TrainingConfig.Builder().updater(updater).minimize(LOSS)
        .dataSetFeatureMapping(FEATURES).dataSetLabelMapping(labelNames);
    if (l2 > 0) {
      b.l2(l2);
    }
    return b.build();
  }

  /** The training batch of {@code rows} of {@code log}: features, labels, loss mask (and distillation levels). */
  public MultiDataSet batch(ImpressionLog log, int[] rows) {
    int t = tasks.count();
    int n = rows.length;
    if (config.distils() && n < config.distillation().pairRows()) {
      throw new IllegalArgumentException("a batch of " + name() + " needs at least " + config.distillation().pairRows()
          + " rows for the distillation pairs (got " + n + ")");
    }
    float[] x = new float[n * featureCount()];
    log.copyFeatures(rows, x);
    byte[] y = new byte[n * t];
    float[] labels = new float[n * t];
    float[] mask = new float[n * t];
    boolean conditional = architecture.trainsConditionalOnParentPositives();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < t; k++) {
        y[i * t + k] = (byte) log.label(rows[i], k);
        labels[i * t + k] = y[i * t + k];
        mask[i * t + k] = !conditional || !tasks.hasParent(k) ? 1f : log.label(rows[i], tasks.parent(k));
      }
    }
    List<INDArray> targets = new ArrayList<>(List.of(matrix(labels, n, t), matrix(mask, n, t)));
    if (config.distils()) {
      targets.add(matrix(CrossTaskDistillation.levels(tasks, y, n), n, t));
    }
    return new MultiDataSet(new INDArray[] {matrix(x, n, featureCount())}, targets.toArray(new INDArray[0]));
  }

  @Override
  public float[] predict(float[] features, int rows) {
    return run(features, rows, PROBABILITIES, tasks.count());
  }

  @Override
  public float[] predictConditional(float[] features, int rows) {
    return hasConditional ? run(features, rows, CONDITIONAL, tasks.count()) : RankingHead.super.predictConditional(features, rows);
  }

  /** Whether the head models conditional probabilities directly (ESMM, the clicked-only model). */
  public boolean hasConditionalOutput() {
    return hasConditional;
  }

  /** The value of diagnostic {@code name} on the given rows. */
  public INDArray diagnostic(String name, float[] features, int rows) {
    SDVariable v = diagnostics.get(name);
    if (v == null) {
      throw new IllegalArgumentException("head '" + name() + "' has no diagnostic '" + name + "' (it has "
          + diagnostics.keySet() + ")");
    }
    SessionMemory.bound(sd);
    return sd.output(Map.of(FEATURES, matrix(features, rows, featureCount())), v.name()).get(v.name()).dup();
  }

  /** Value of the training loss on {@code rows} of {@code log}. */
  public double loss(ImpressionLog log, int[] rows) {
    MultiDataSet batch = batch(log, rows);
    Map<String, INDArray> in = new HashMap<>();
    in.put(FEATURES, batch.getFeatures(0));
    in.put(LABELS, batch.getLabels(0));
    in.put(MASK, batch.getLabels(1));
    if (config.distils()) {
      in.put(LEVELS, batch.getLabels(2));
    }
    SessionMemory.bound(sd);
    return sd.output(in, LOSS).get(LOSS).getDouble(0);
  }

  /** Copies of every trainable variable's value. */
  public Map<String, INDArray> weights() {
    Map<String, INDArray> copy = new LinkedHashMap<>();
    for (String name : parameters.names()) {
      copy.put(name, sd.getVariable(name).getArr().dup());
    }
    return copy;
  }

  /** Sets trainable variables to {@code values} (as {@link #weights()} returned them). */
  public void assign(Map<String, INDArray> values) {
    values.forEach((name, value) -> sd.getVariable(name).getArr().assign(value));
  }

  private float[] run(float[] features, int rows, String output, int width) {
    int d = featureCount();
    if (features.length != rows * d) {
      throw new IllegalArgumentException("expected " + rows + " x " + d + " = " + rows * d + " feature values (got "
          + features.length + ")");
    }
    float[] out = new float[rows * width];
    SessionMemory.bound(sd);
    for (int from = 0; from < rows; from += PREDICT_CHUNK) {
      int n = Math.min(PREDICT_CHUNK, rows - from);
      float[] chunk = java.util.Arrays.copyOfRange(features, from * d, (from + n) * d);
      INDArray result = sd.output(Map.of(FEATURES, matrix(chunk, n, d)), output).get(output);
      float[] values = result.dup('c').data().asFloat();
      System.arraycopy(values, 0, out, from * width, n * width);
    }
    return out;
  }

  private static INDArray matrix(float[] values, int rows, int columns) {
    return Nd4j.create(values, new long[] {rows, columns}, 'c');
  }
}
