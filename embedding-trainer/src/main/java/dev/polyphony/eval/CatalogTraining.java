package dev.polyphony.eval;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import dev.polyphony.model.SageModel;
import dev.polyphony.task.CatalogTasks;
import dev.polyphony.task.MultiTaskConfig;
import dev.polyphony.train.TrainingPlan;
import java.util.Objects;

/**
 * How a catalog graph is trained on: the graph the tasks learn from (less a {@link PlaylistValidation}
 * hold-out when the config asks for one), a new model on it, and the plan of tasks, loss weighting, batches
 * and validation. The one place that wires a {@link SageRecommenderConfig} to the trainer, for evaluation
 * fits and training jobs alike.
 */
public final class CatalogTraining {
  /** Playlists with at least this many tracks give validation queries. */
  static final int VALIDATION_MIN_TRACKS = 5;
  /** Stream of the training seed that draws the validation split. */
  static final long VALIDATION_SPLIT_STREAM = 3;

  private final SageRecommenderConfig config;
  private final HeteroGraph graph;
  private final PlaylistValidation validation;
  private final CatalogTasks tasks;

  /** Training on {@code graph}, whose playlists reach their tracks along {@code playlistRelation}. */
  public CatalogTraining(HeteroGraph graph, String playlistRelation, SageRecommenderConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(graph, "graph");
    this.validation = config.validationHoldOut() == 0 ? null : new PlaylistValidation(graph,
        new PlaylistContinuationSplitConfig(playlistRelation, VALIDATION_MIN_TRACKS, config.validationHoldOut(),
            SeedDerivation.derive(config.training().seed(), VALIDATION_SPLIT_STREAM)));
    this.graph = validation == null ? graph : validation.trainingGraph();
    this.tasks = new CatalogTasks(this.graph, playlistRelation, config.labelAttributes(), config.engagementAttribute());
  }

  /** The graph the tasks learn from: the given graph, less the validation tracks when there are any. */
  public HeteroGraph trainingGraph() {
    return graph;
  }

  /** A new untrained model on {@link #trainingGraph()} that embeds the playlist relation's tracks. */
  public SageModel newModel() {
    return new SageModel(graph, tasks.trackType(), config.encoder(), config.training().sampling(),
        config.inferenceSampling());
  }

  /** The tasks, their loss weighting, batches and validation ({@code null} without a hold-out). */
  public TrainingPlan plan() {
    MultiTaskConfig multiTask = config.tasks();
    return new TrainingPlan(tasks.tasks(multiTask), CatalogTasks.weighting(multiTask),
        tasks.batches(multiTask, config.training().seed()), validation);
  }
}
