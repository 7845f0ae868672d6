package dev.polyphony.train;

import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.model.ComputationTree;
import dev.polyphony.model.EncoderInputs;
import dev.polyphony.model.IdEmbeddings;
import dev.polyphony.model.SageModel;
import dev.polyphony.model.SessionMemory;
import dev.polyphony.task.SupervisedTask;
import dev.polyphony.task.Task;
import dev.polyphony.task.TrainingBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a {@link SageModel} on a {@link TrainingPlan}, one or several tasks sharing the encoder, with
 * mini-batch Adam (dense weights in the graph, lazy Adam on the learned id vectors), a learning-rate schedule
 * and early stopping on the plan's validation, keeping the weights of the best epoch.
 *
 * <p>Deterministic under {@link TrainConfig#seed()}: batch {@code b} of epoch {@code e} comes from the plan's
 * batch source, samples neighbourhoods with {@code seed / e / b} and draws its dropout masks from a stream
 * derived from that; validation always samples with one fixed stream, so epochs are compared on the same
 * neighbourhoods.
 */
public final class SageTrainer {
  /** Stream index of validation sampling, apart from every epoch index. */
  static final long VALIDATION_STREAM = -1;
  /** Name of the total loss variable. */
  static final String TOTAL_LOSS = "total_loss";

  private final TrainConfig config;

  public SageTrainer(TrainConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public TrainConfig config() {
    return config;
  }

  /** Trains {@code model} on one supervised task with this config's batch size. */
  public TrainResult train(SageModel model, SupervisedTask task, ProgressTracker progress) {
    return train(model, TrainingPlan.single(task, config.batchSize(), config.seed()), progress);
  }

  /** As {@link #train(SageModel, SupervisedTask, ProgressTracker)}, checkpointing to {@code checkpoint}. */
  public TrainResult train(SageModel model, SupervisedTask task, ProgressTracker progress, Path checkpoint)
      throws IOException {
    return train(model, TrainingPlan.single(task, config.batchSize(), config.seed()), progress, checkpoint,
        e -> {});
  }

  /** Trains {@code model} on {@code plan} without checkpoints. */
  public TrainResult train(SageModel model, TrainingPlan plan, ProgressTracker progress) {
    try {
      return train(model, plan, progress, null, e -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Trains {@code model} (built with {@link TrainConfig#sampling()}'s fan-outs for the tasks' seed type) on
   * {@code plan}, reporting each epoch as a stage of {@code progress} and to {@code epochs}. With a non-null
   * {@code checkpoint} a {@link Checkpoint} is written there after every epoch and, when that file exists at
   * the start, the run resumes from it with the same result as an uninterrupted run of this config.
   *
   * @throws IOException when the checkpoint cannot be read or written, or belongs to another run
   */
  public TrainResult train(SageModel model, TrainingPlan plan, ProgressTracker progress, Path checkpoint,
      Consumer<EpochStats> epochs) throws IOException {
    for (Task task : plan.tasks()) {
      if (!model.seedType().equals(task.seedType())) {
        throw new IllegalArgumentException("task '" + task.name() + "' seeds '" + task.seedType()
            + "' nodes but the model was built for '" + model.seedType() + "'");
      }
    }
    long started = System.nanoTime();
    SameDiff sd = model.sameDiff();
    List<SDVariable> losses = new ArrayList<>();
    List<String> lossNames = new ArrayList<>();
    for (Task task : plan.tasks()) {
      String name = task.buildLoss(model);
      losses.add(sd.getVariable(name));
      lossNames.add(name);
    }
    String total = plan.weighting().combine(model.parameters(), losses).rename(TOTAL_LOSS).name();
    sd.setLossVariables(total);
    sd.createGradFunction();
    List<String> names = model.parameters().names();
    IdEmbeddings ids = model.idEmbeddings();
    Adam adam = new Adam(config.learningRate(), config.weightDecay());
    int batches = plan.batches().batchesPerEpoch();
    long validationSeed = SeedDerivation.derive(config.seed(), VALIDATION_STREAM);
    RunState state = new RunState(names, ids, sd);
    int firstEpoch = 1;
    if (checkpoint != null && Files.exists(checkpoint)) {
      Checkpoint resumed = Checkpoint.read(checkpoint, config);
      state.restore(resumed, adam, plan.weighting(), checkpoint);
      firstEpoch = resumed.epoch() + 1;
    }
    long steps = adam.step();
    for (int epoch = firstEpoch; epoch <= config.epochs() && !state.patienceExhausted(epoch - 1); epoch++) {
      long epochStart = System.nanoTime();
      double rate = config.learningRate(epoch);
      adam.learningRate(rate);
      progress.begin("epoch " + epoch + "/" + config.epochs(), batches);
      double totalSum = 0;
      double[] taskSums = new double[losses.size()];
      for (int b = 0; b < batches; b++) {
        TrainingBatch batch = plan.batches().batch(epoch, b);
        long batchSeed = SeedDerivation.derive(config.seed(), epoch, b);
        double[] values = step(model, plan, adam, rate, names, total, lossNames, batch, batchSeed);
        totalSum += values[0];
        for (int t = 0; t < taskSums.length; t++) {
          taskSums[t] += values[t + 1];
        }
        steps++;
        progress.step(1);
      }
      progress.end();
      double[] taskMeans = new double[taskSums.length];
      Map<String, Double> taskLosses = new LinkedHashMap<>();
      for (int t = 0; t < taskSums.length; t++) {
        taskMeans[t] = taskSums[t] / batches;
        taskLosses.put(plan.tasks().get(t).name(), taskMeans[t]);
      }
      plan.weighting().endEpoch(taskMeans);
      double[] w = plan.weighting().weights();
      Map<String, Double> taskWeights = new LinkedHashMap<>();
      for (int t = 0; t < w.length; t++) {
        taskWeights.put(plan.tasks().get(t).name(), w[t]);
      }
      double validation = plan.validation() == null ? Double.NaN : plan.validation().score(model, validationSeed);
      EpochStats stats = new EpochStats(epoch, batches, totalSum / batches, taskLosses, taskWeights, rate,
          validation, (System.nanoTime() - epochStart) / 1e9);
      state.endEpoch(stats, plan.validation() == null);
      if (checkpoint != null) {
        state.checkpoint(config, epoch, adam, plan.weighting()).write(checkpoint);
      }
      epochs.accept(stats);
    }
    state.keepBest();
    return new TrainResult(state.history, state.bestEpoch, state.best, steps, (System.nanoTime() - started) / 1e9);
  }

  /** One optimisation step; returns the total loss followed by each task's loss. */
  private static double[] step(SageModel model, TrainingPlan plan, Adam adam, double rate, List<String> names,
      String total, List<String> lossNames, TrainingBatch batch, long batchSeed) {
    ComputationTree tree = model.tree(batch.seeds(), batchSeed, true, batch.cut());
    IdEmbeddings ids = model.idEmbeddings();
    EncoderInputs encoderInputs = model.encoder().trainingInputs(tree, model.features(), ids,
        SeedDerivation.derive(batchSeed, 1));
    Map<String, INDArray> in = new HashMap<>(encoderInputs.placeholders());
    for (Task task : plan.tasks()) {
      in.putAll(task.targets(batch));
    }
    in.putAll(plan.weighting().placeholders());
    List<String> outputs = new ArrayList<>(lossNames);
    outputs.add(total);
    List<String> gradientsOf = new ArrayList<>(names);
    gradientsOf.addAll(encoderInputs.idNodes().keySet());
    OutAndGrad result = null;
    try {
      SessionMemory.bound(model.sameDiff());
      result = model.sameDiff().calculateGradientsAndOutputs(in, outputs, gradientsOf);
      double[] values = new double[lossNames.size() + 1];
      values[0] = result.getOutputs().get(total).getDouble(0);
      for (int t = 0; t < lossNames.size(); t++) {
        values[t + 1] = result.getOutputs().get(lossNames.get(t)).getDouble(0);
      }
      if (!Double.isFinite(values[0])) {
        throw new IllegalStateException("training loss became " + values[0] + " at step " + (adam.step() + 1));
      }
      adam.beginStep();
      for (String name : names) {
        INDArray gradient = result.getGradients().get(name);
        if (gradient != null) {
          adam.update(name, model.sameDiff().getVariable(name).getArr(), gradient,
              model.parameters().isWeight(name));
        }
      }
      if (ids != null) {
        for (Map.Entry<String, int[]> e : encoderInputs.idNodes().entrySet()) {
          INDArray gradient = result.getGradients().get(e.getKey());
          if (gradient != null) {
            int block = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('_') + 1));
            NodeType type = model.encoder().blockType(block);
            ids.accumulate(type, e.getValue(), e.getValue().length, rowMajor(gradient));
          }
        }
        ids.applyAdam(rate, adam.step());
      }
      return values;
    } finally {
      SageModel.release(in);
      if (result != null) {
        SageModel.release(result.getOutputs());
        SageModel.release(result.getGradients());
      }
      SessionMemory.batchDone();
    }
  }

  /** The values of {@code a} in row-major order. */
  private static float[] rowMajor(INDArray a) {
    if (a.ordering() == 'c' && !a.isView()) {
      return a.data().asFloat();
    }
    INDArray copy = a.dup('c');
    float[] values = copy.data().asFloat();
    copy.close();
    return values;
  }

  /** History, best epoch and best weights of a run, and their conversion to and from checkpoints. */
  private final class RunState {
    private final List<String> names;
    private final IdEmbeddings ids;
    private final SameDiff sd;
    final List<EpochStats> history = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    int bestEpoch;
    Map<String, INDArray> bestWeights;

    RunState(List<String> names, IdEmbeddings ids, SameDiff sd) {
      this.names = names;
      this.ids = ids;
      this.sd = sd;
      this.bestWeights = snapshot();
    }

    boolean patienceExhausted(int epochsDone) {
      return config.patience() > 0 && epochsDone > 0 && epochsDone - bestEpoch >= config.patience();
    }

    /** Records an epoch; without validation every epoch counts as the best so far. */
    void endEpoch(EpochStats stats, boolean unvalidated) {
      history.add(stats);
      if (unvalidated || stats.validation() > best) {
        best = unvalidated ? Double.NaN : stats.validation();
        bestEpoch = stats.epoch();
        bestWeights = snapshot();
      }
    }

    void keepBest() {
      assign(bestWeights);
    }

    Checkpoint checkpoint(TrainConfig config, int epoch, Adam adam, LossWeighting weighting) {
      Map<String, INDArray> first = new LinkedHashMap<>(adam.firstMoments());
      Map<String, INDArray> second = new LinkedHashMap<>(adam.secondMoments());
      if (ids != null) {
        for (Map.Entry<NodeType, float[][]> e : ids.state().entrySet()) {
          first.put(idKey(e.getKey()), table(e.getValue()[1]));
          second.put(idKey(e.getKey()), table(e.getValue()[2]));
        }
      }
      return new Checkpoint(config, epoch, adam.step(), bestEpoch, best, history, snapshot(), first, second,
          bestWeights, weighting.state());
    }

    void restore(Checkpoint resumed, Adam adam, LossWeighting weighting, Path file) throws IOException {
      Map<String, INDArray> weights = new LinkedHashMap<>(resumed.weights());
      if (!weights.keySet().equals(snapshot().keySet())) {
        throw new IOException(file + ": checkpoint holds parameters " + weights.keySet() + ", the model "
            + snapshot().keySet());
      }
      assign(weights);
      Map<String, INDArray> first = new LinkedHashMap<>(resumed.firstMoments());
      Map<String, INDArray> second = new LinkedHashMap<>(resumed.secondMoments());
      if (ids != null) {
        Map<NodeType, float[][]> tables = new LinkedHashMap<>();
        for (NodeType type : ids.types()) {
          tables.put(type, new float[][] {weights.get(idKey(type)).data().asFloat(),
              first.remove(idKey(type)).data().asFloat(), second.remove(idKey(type)).data().asFloat()});
        }
        ids.restore(tables);
      }
      adam.restore(resumed.adamStep(), first, second);
      weighting.restore(resumed.weightingState());
      history.addAll(resumed.history());
      best = resumed.bestValidation();
      bestEpoch = resumed.bestEpoch();
      bestWeights = resumed.bestWeights();
    }

    /** Copies of every dense parameter and id table, id tables under {@link #idKey}. */
    private Map<String, INDArray> snapshot() {
      Map<String, INDArray> copy = new LinkedHashMap<>();
      for (String name : names) {
        copy.put(name, sd.getVariable(name).getArr().dup());
      }
      if (ids != null) {
        for (NodeType type : ids.types()) {
          copy.put(idKey(type), table(ids.values(type).clone()));
        }
      }
      return copy;
    }

    private void assign(Map<String, INDArray> values) {
      values.forEach((name, value) -> {
        if (name.startsWith(ID_PREFIX)) {
          NodeType type = ids.types().stream().filter(t -> idKey(t).equals(name)).findFirst().orElseThrow();
          float[] v = value.data().asFloat();
          System.arraycopy(v, 0, ids.values(type), 0, v.length);
        } else {
          sd.getVariable(name).getArr().assign(value);
        }
      });
    }

    private INDArray table(float[] values) {
      return org.nd4j.linalg.factory.Nd4j.create(values, new long[] {values.length / ids.dim(), ids.dim()}, 'c');
    }
  }

  private static final String ID_PREFIX = "id_table:";

  private static String idKey(NodeType type) {
    return ID_PREFIX + type.name();
  }
}
