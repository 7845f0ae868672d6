package dev.polyphony.train;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.model.SageModel;
import dev.polyphony.model.SessionMemory;
import dev.polyphony.model.ComputationTree;
import dev.polyphony.task.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a {@link SageModel} on one {@link Task} with mini-batch Adam and early stopping on the task's
 * validation metric, keeping the weights of the best epoch.
 *
 * <p>Deterministic under {@link TrainConfig#seed()}: epoch {@code e} visits the training seeds in the order
 * of a Fisher-Yates shuffle seeded by {@code seed / e}; batch {@code b} of it samples neighbourhoods with
 * {@code seed / e / b} and draws its dropout masks from a stream derived from that; validation always
 * samples with one fixed stream, so epochs are compared on the same neighbourhoods.
 */
public final class SageTrainer {
  /** Stream index of validation sampling, apart from every epoch index. */
  static final long VALIDATION_STREAM = -1;

  private final TrainConfig config;

  public SageTrainer(TrainConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public TrainConfig config() {
    return config;
  }

  /**
   * Trains {@code model} for {@code task}; the model must have been built with {@link TrainConfig#sampling()}
   * of this config's fan-outs and the task's seed type. Reports each epoch as a stage of {@code progress}.
   */
  public TrainResult train(SageModel model, Task task, ProgressTracker progress) {
    try {
      return train(model, task, progress, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As {@link #train(SageModel, Task, ProgressTracker)}, writing a {@link Checkpoint} to {@code checkpoint}
   * after every epoch and, when that file exists at the start, resuming from it: the result is then the
   * same as that of an uninterrupted run with this config.
   *
   * @throws IOException when the checkpoint cannot be read or written, or belongs to another run
   */
  public TrainResult train(SageModel model, Task task, ProgressTracker progress, Path checkpoint) throws IOException {
    if (!model.seedType().equals(task.seedType())) {
      throw new IllegalArgumentException("task '" + task.name() + "' seeds '" + task.seedType()
          + "' nodes but the model was built for '" + model.seedType() + "'");
    }
    long started = System.nanoTime();
    SameDiff sd = model.sameDiff();
    String loss = task.buildLoss(model);
    sd.setLossVariables(loss);
    sd.createGradFunction();
    List<String> names = model.parameters().names();
    Adam adam = new Adam(config.learningRate(), config.weightDecay());
    int[] seeds = task.trainSeeds();
    int batches = (seeds.length + config.batchSize() - 1) / config.batchSize();
    long validationSeed = SeedDerivation.derive(config.seed(), VALIDATION_STREAM);
    List<EpochStats> history = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    int bestEpoch = 0;
    Map<String, INDArray> bestWeights = snapshot(sd, names);
    int firstEpoch = 1;
    if (checkpoint != null && Files.exists(checkpoint)) {
      Checkpoint resumed = Checkpoint.read(checkpoint, config);
      if (!resumed.weights().keySet().equals(new java.util.LinkedHashSet<>(names))) {
        throw new IOException(checkpoint + ": checkpoint holds parameters " + resumed.weights().keySet()
            + ", the model " + names);
      }
      assign(sd, resumed.weights());
      adam.restore(resumed.adamStep(), resumed.firstMoments(), resumed.secondMoments());
      history.addAll(resumed.history());
      best = resumed.bestValidation();
      bestEpoch = resumed.bestEpoch();
      bestWeights = resumed.bestWeights();
      firstEpoch = resumed.epoch() + 1;
    }
    long steps = adam.step();
    for (int epoch = firstEpoch; epoch <= config.epochs() && !patienceExhausted(epoch - 1, bestEpoch); epoch++) {
      long epochStart = System.nanoTime();
      int[] order = shuffled(seeds, SeedDerivation.derive(config.seed(), epoch));
      progress.begin("epoch " + epoch + "/" + config.epochs(), batches);
      double lossSum = 0;
      for (int b = 0; b < batches; b++) {
        int[] batch = Arrays.copyOfRange(order, b * config.batchSize(),
            Math.min(order.length, (b + 1) * config.batchSize()));
        long batchSeed = SeedDerivation.derive(config.seed(), epoch, b);
        lossSum += step(model, task, adam, names, loss, batch, batchSeed);
        steps++;
        progress.step(1);
      }
      progress.end();
      double validation = task.validationScore(model, validationSeed);
      history.add(new EpochStats(epoch, batches, lossSum / batches, validation,
          (System.nanoTime() - epochStart) / 1e9));
      if (validation > best) {
        best = validation;
        bestEpoch = epoch;
        bestWeights = snapshot(sd, names);
      }
      if (checkpoint != null) {
        new Checkpoint(config, epoch, adam.step(), bestEpoch, best, history, snapshot(sd, names),
            adam.firstMoments(), adam.secondMoments(), bestWeights).write(checkpoint);
      }
    }
    assign(sd, bestWeights);
    return new TrainResult(history, bestEpoch, best, steps, (System.nanoTime() - started) / 1e9);
  }

  /** Whether {@code patience} epochs after the best one have passed once {@code epochsDone} are done. */
  private boolean patienceExhausted(int epochsDone, int bestEpoch) {
    return config.patience() > 0 && epochsDone > 0 && epochsDone - bestEpoch >= config.patience();
  }

  private static void assign(SameDiff sd, Map<String, INDArray> values) {
    values.forEach((name, value) -> sd.getVariable(name).getArr().assign(value));
  }

  private static double step(SageModel model, Task task, Adam adam, List<String> names, String loss, int[] batch,
      long batchSeed) {
    ComputationTree tree = model.tree(batch, batchSeed, true);
    Map<String, INDArray> in = new HashMap<>(model.encoder().trainingInputs(tree, model.features(),
        SeedDerivation.derive(batchSeed, 1)));
    in.putAll(task.targets(batch));
    try {
      SessionMemory.bound(model.sameDiff());
      OutAndGrad result = model.sameDiff().calculateGradientsAndOutputs(in, List.of(loss), names);
      double value = result.getOutputs().get(loss).getDouble(0);
      if (!Double.isFinite(value)) {
        throw new IllegalStateException("training loss became " + value + " at step " + (adam.step() + 1));
      }
      adam.beginStep();
      for (String name : names) {
        INDArray gradient = result.getGradients().get(name);
        if (gradient != null) {
          adam.update(name, model.sameDiff().getVariable(name).getArr(), gradient,
              model.parameters().isWeight(name));
        }
      }
      return value;
    } finally {
      SageModel.release(in);
    }
  }

  private static Map<String, INDArray> snapshot(SameDiff sd, List<String> names) {
    Map<String, INDArray> copy = new LinkedHashMap<>();
    for (String name : names) {
      copy.put(name, sd.getVariable(name).getArr().dup());
    }
    return copy;
  }

  /** A Fisher-Yates shuffle of a copy of {@code values}. */
  static int[] shuffled(int[] values, long seed) {
    int[] out = values.clone();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }
}
