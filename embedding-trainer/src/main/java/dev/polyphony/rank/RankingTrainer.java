package dev.polyphony.rank;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.model.SessionMemory;
import dev.polyphony.rank.eval.Auc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains a {@link RankingModel} with mini-batch Adam (ND4J's updater through SameDiff's
 * {@code TrainingConfig}) and early stopping: after every epoch the mean AUC over tasks on validation
 * impressions is measured, and the weights of the best epoch are kept once {@code patience} epochs bring no
 * improvement.
 *
 * <p>Deterministic under {@link RankTrainConfig#seed()}: epoch {@code e} visits the training impressions in
 * the order of a Fisher-Yates shuffle seeded by {@code seed / e}, in full batches (the last one tops up with
 * the epoch's first rows); nothing else is random.
 */
public final class RankingTrainer {
  /**
   * The training loss of an epoch is measured after it on the first this many training rows (topped up to a
   * full batch): SameDiff 1.0.0-M2.1 does not compute the loss value while fitting, and a fixed set makes
   * epochs comparable.
   */
  static final int LOSS_ROWS = 4096;

  private final RankTrainConfig config;

  public RankingTrainer(RankTrainConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public RankTrainConfig config() {
    return config;
  }

  /** Trains {@code model} on {@code train}, stopping early on {@code validation}; each epoch is a progress stage. */
  public RankTrainResult train(RankingModel model, ImpressionLog train, ImpressionLog validation,
      ProgressTracker progress) {
    if (!train.tasks().equals(model.tasks()) || !validation.tasks().equals(model.tasks())) {
      throw new IllegalArgumentException("the impressions' tasks (" + train.tasks() + ") differ from the model's ("
          + model.tasks() + ")");
    }
    if (train.featureCount() != model.featureCount() || validation.featureCount() != model.featureCount()) {
      throw new IllegalArgumentException("the impressions have " + train.featureCount() + " features, the model "
          + model.featureCount());
    }
    if (train.rows() == 0) {
      throw new IllegalArgumentException("no training impressions");
    }
    long started = System.nanoTime();
    SameDiff sd = model.sameDiff();
    sd.setTrainingConfig(model.trainingConfig(new Adam(config.learningRate()), config.l2()));
    if (!sd.hasGradientFunction()) {
      QuietStandardOutput.run(sd::createGradFunction);
    }
    int n = train.rows();
    int batches = (n + config.batchSize() - 1) / config.batchSize();
    float[] validationFeatures = validation.features();
    List<RankTrainResult.Epoch> history = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    int bestEpoch = 0;
    Map<String, INDArray> bestWeights = model.weights();
    long steps = 0;
    int[] lossRows = batchRows(identity(Math.min(n, LOSS_ROWS)), 0, Math.max(Math.min(n, LOSS_ROWS), config.batchSize()));
    for (int epoch = 1; epoch <= config.epochs() && epoch - 1 - bestEpoch < config.patience(); epoch++) {
      int[] order = shuffledRows(n, SeedDerivation.derive(config.seed(), epoch));
      progress.begin(model.name() + " epoch " + epoch + "/" + config.epochs(), batches);
      for (int b = 0; b < batches; b++) {
        int[] rows = batchRows(order, b, config.batchSize());
        SessionMemory.bound(sd);
        sd.fit(model.batch(train, rows));
        SessionMemory.batchDone();
        steps++;
        progress.step(1);
      }
      progress.end();
      double loss = model.loss(train, lossRows);
      if (!Double.isFinite(loss)) {
        throw new IllegalStateException("training loss of " + model.name() + " became " + loss + " in epoch " + epoch);
      }
      double score = meanAuc(validation, model.predict(validationFeatures, validation.rows()));
      history.add(new RankTrainResult.Epoch(epoch, loss, score));
      if (score > best) {
        best = score;
        bestEpoch = epoch;
        bestWeights = model.weights();
      }
    }
    model.assign(bestWeights);
    return new RankTrainResult(history, bestEpoch, best, steps, (System.nanoTime() - started) / 1e9);
  }

  /**
   * Mean over tasks of the AUC of {@code predictions} ({@code rows x tasks}) against the joint labels;
   * tasks whose labels are all equal are left out, and a log where every task is so scores 0.5.
   */
  public static double meanAuc(ImpressionLog log, float[] predictions) {
    int t = log.tasks().count();
    double sum = 0;
    int counted = 0;
    for (int k = 0; k < t; k++) {
      double auc = Auc.of(column(predictions, t, k), labels(log, k));
      if (!Double.isNaN(auc)) {
        sum += auc;
        counted++;
      }
    }
    return counted == 0 ? 0.5 : sum / counted;
  }

  static float[] column(float[] matrix, int columns, int c) {
    float[] out = new float[matrix.length / columns];
    for (int r = 0; r < out.length; r++) {
      out[r] = matrix[r * columns + c];
    }
    return out;
  }

  static boolean[] labels(ImpressionLog log, int task) {
    boolean[] out = new boolean[log.rows()];
    for (int r = 0; r < out.length; r++) {
      out[r] = log.label(r, task) == 1;
    }
    return out;
  }

  /**
   * Rows of batch {@code b}: {@code size} entries of {@code order} from {@code b * size} on, wrapping around
   * to the start, so every batch is full (a fixed shape) and the last one tops up with the epoch's first rows.
   */
  static int[] batchRows(int[] order, int b, int size) {
    int[] rows = new int[size];
    for (int i = 0; i < size; i++) {
      rows[i] = order[(int) (((long) b * size + i) % order.length)];
    }
    return rows;
  }

  private static int[] identity(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /** {@code 0..n-1} in the order of a Fisher-Yates shuffle seeded by {@code seed}. */
  static int[] shuffledRows(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }
}
