package dev.polyphony.job;

import dev.polyphony.eval.CatalogTraining;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.model.SageModel;
import dev.polyphony.train.Checkpoint;
import dev.polyphony.train.EpochStats;
import dev.polyphony.train.SageTrainer;
import dev.polyphony.train.TrainResult;
import dev.polyphony.train.TrainingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains a job's encoder on a whole catalog graph, with every task of the job (the same tasks, weighting,
 * batches and validation as the evaluation's {@link dev.polyphony.eval.SageRecommender}), into a run directory:
 * <ul>
 *   <li>{@value #JOB}: the resolved job config, written first;
 *   <li>{@value #CHECKPOINT}: the trainer's {@link Checkpoint} after every epoch;
 *   <li>{@value #METRICS}: one JSON line per epoch ({@link MetricsLog});
 *   <li>{@value #MODEL}/: the {@link ModelBundle}, written when training ends.
 * </ul>
 * Running again on the same directory with {@code resume} continues after the checkpoint's last epoch and ends
 * with the model an uninterrupted run would have; the job config must be the one the checkpoint was made by,
 * except for {@code training.epochs}.
 */
public final class TrainingJob {
  public static final String JOB = "job.json";
  public static final String CHECKPOINT = "checkpoint.bin";
  public static final String METRICS = "metrics.jsonl";
  public static final String MODEL = "model";

  private final TrainingJobConfig config;
  private final CatalogTraining training;

  /**
   * A job of {@code config} on {@code graph}. With {@code training.validationHoldOut > 0} a share of each
   * playlist's tracks is held out of the graph the tasks learn from and scores every epoch.
   *
   * @throws JobConfigException when the config names relations, node types or attributes the graph lacks
   */
  public TrainingJob(TrainingJobConfig config, HeteroGraph graph) {
    this.config = Objects.requireNonNull(config, "config").resolved();
    Objects.requireNonNull(graph, "graph");
    config.checkAgainst(graph);
    this.training = new CatalogTraining(graph, config.catalog().playlistRelation(), this.config.recommenderConfig());
  }

  /** The resolved config. */
  public TrainingJobConfig config() {
    return config;
  }

  /** The graph the tasks learn from: the job's graph, less the validation tracks when there are any. */
  public HeteroGraph trainingGraph() {
    return training.trainingGraph();
  }

  /** A new untrained model of this job on its training graph, embedding the playlist relation's track type. */
  public SageModel newModel() {
    return training.newModel();
  }

  /** The job's tasks, their loss weighting, batches and validation ({@code null} without a hold-out). */
  public TrainingPlan plan() {
    return training.plan();
  }

  /** Whether {@code runDir} holds a checkpoint to resume. */
  public static boolean hasCheckpoint(Path runDir) {
    return Files.isRegularFile(runDir.resolve(CHECKPOINT));
  }

  /**
   * Trains into {@code runDir} (created if needed), reporting epochs as stages of {@code progress} and to
   * {@code epochs}, then saves the model to {@code runDir/}{@value #MODEL}.
   *
   * @param resume continue from the checkpoint in {@code runDir} if there is one (otherwise start afresh)
   * @throws FileAlreadyExistsException when {@code runDir} holds a checkpoint and {@code resume} is false
   * @throws IOException when the checkpoint or the job file in {@code runDir} belong to another job, or cannot
   *     be read or written
   */
  public TrainingJobResult run(Path runDir, boolean resume, ProgressTracker progress, Consumer<EpochStats> epochs)
      throws IOException {
    Files.createDirectories(runDir);
    Path checkpoint = runDir.resolve(CHECKPOINT);
    boolean resuming = Files.isRegularFile(checkpoint);
    if (resuming && !resume) {
      throw new FileAlreadyExistsException(checkpoint.toString(), null,
          "holds a checkpoint of an earlier run; resume it or train into another directory");
    }
    Path jobFile = runDir.resolve(JOB);
    List<EpochStats> history = List.of();
    if (resuming) {
      requireSameJob(jobFile, checkpoint);
      history = Checkpoint.read(checkpoint, config.trainConfig()).history();
    }
    dev.polyphony.graph.io.AtomicFiles.writeString(jobFile, TrainingJobConfigReader.toJson(config) + "\n");
    SageModel model = newModel();
    TrainingPlan plan = plan();
    MetricsLog metrics = new MetricsLog(runDir.resolve(METRICS),
        plan.validation() == null ? null : plan.validation().metric(), history);
    TrainResult result;
    try {
      result = new SageTrainer(config.trainConfig()).train(model, plan, progress, checkpoint, stats -> {
        try {
          metrics.append(stats);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        epochs.accept(stats);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    progress.begin("save the model", -1);
    ModelBundle bundle = ModelBundle.of(model, config);
    Path bundleDir = runDir.resolve(MODEL);
    bundle.write(bundleDir);
    progress.end();
    int resumedAfter = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
    return new TrainingJobResult(result, bundle, bundleDir, resumedAfter);
  }

  private void requireSameJob(Path jobFile, Path checkpoint) throws IOException {
    if (!Files.isRegularFile(jobFile)) {
      throw new IOException(checkpoint + ": has no " + JOB + " beside it, so its job is unknown; train into another"
          + " directory");
    }
    TrainingJobConfig previous;
    try {
      previous = TrainingJobConfigReader.fromJson(Files.readString(jobFile, StandardCharsets.UTF_8),
          jobFile.toString());
    } catch (JobConfigException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<String> differences = previous.resolved().differences(config).stream()
        .filter(p -> !TrainingJobConfig.RESUMABLE_CHANGES.contains(p)).toList();
    if (!differences.isEmpty()) {
      throw new IOException(jobFile + ": the checkpoint was made by another job config, which differs in "
          + String.join(", ", differences) + "; resume with that config or train into another directory");
    }
  }
}
