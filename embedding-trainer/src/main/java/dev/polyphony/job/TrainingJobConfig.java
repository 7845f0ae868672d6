package dev.polyphony.job;

import dev.polyphony.eval.EvaluationConfig;
import dev.polyphony.eval.SageRecommenderConfig;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.split.ColdStartSplitConfig;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import dev.polyphony.model.Aggregator;
import dev.polyphony.model.Combination;
import dev.polyphony.model.FeatureNormalization;
import dev.polyphony.model.SageEncoderConfig;
import dev.polyphony.task.CatalogTasks;
import dev.polyphony.task.MultiTaskConfig;
import dev.polyphony.train.LearningRateSchedule;
import dev.polyphony.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a training, embedding or evaluation job needs, as read from a job file: the built-in
 * {@value TrainingJobConfigReader#DEFAULTS_RESOURCE} overlaid by a user's YAML or JSON file and then by
 * {@code --set key=value} overrides (see {@link TrainingJobConfigReader}). Enum values are written in lower
 * case ({@code mean}, {@code concat}, {@code standardize}, {@code cosine}).
 *
 * <p>Every value is checked here, by converting each section to the engine's own records, so a config that
 * exists is one that trains; a problem is a {@link JobConfigException} naming the key's path, e.g.
 * {@code training.learningRate: must be > 0 (got -1.0)}.
 *
 * @param seed the job seed; {@code encoder.seed} and {@code training.seed} follow it unless set
 * @param encoder the encoder's shape ({@link SageEncoderConfig})
 * @param training optimisation and sampling ({@link TrainConfig} plus the inference fan-outs)
 * @param tasks the catalog tasks trained jointly ({@link MultiTaskConfig})
 * @param catalog the names of the catalog's relations and attributes the tasks and baselines read
 * @param evaluation the playlist-continuation evaluation splits
 */
public record TrainingJobConfig(long seed, Encoder encoder, Training training, Tasks tasks, Catalog catalog,
    Evaluation evaluation) {

  public TrainingJobConfig {
    given(encoder, "encoder");
    given(training, "training");
    given(tasks, "tasks");
    given(catalog, "catalog");
    given(evaluation, "evaluation");
    SageEncoderConfig encoderConfig = encoder.toConfig(seed);
    TrainConfig trainConfig = training.toConfig(seed);
    tasks.toConfig();
    catalog.check();
    evaluation.check();
    int hops = NeighborSamplerConfig.parseFanouts(trainConfig.fanouts()).size();
    if (hops != encoderConfig.layers()) {
      throw new JobConfigException("training.fanouts", "has " + hops + " hop" + (hops == 1 ? "" : "s")
          + " but encoder.layers is " + encoderConfig.layers() + "; they must be equal (got '"
          + trainConfig.fanouts() + "')");
    }
    List<Map<String, Integer>> trainingHops = NeighborSamplerConfig.parseFanouts(trainConfig.fanouts());
    List<Map<String, Integer>> inferenceHops = NeighborSamplerConfig.parseFanouts(training.inferenceFanouts());
    for (int h = 0; h < hops; h++) {
      if (h >= inferenceHops.size() || !inferenceHops.get(h).keySet().equals(trainingHops.get(h).keySet())) {
        Object follows = h < inferenceHops.size() ? inferenceHops.get(h).keySet() : "nothing";
        throw new JobConfigException("training.inferenceFanouts", "must follow the relations of training.fanouts at "
            + "every hop; hop " + (h + 1) + " follows " + follows + ", training " + trainingHops.get(h).keySet()
            + " (got '" + training.inferenceFanouts() + "')");
      }
    }
    if (inferenceHops.size() != hops) {
      throw new JobConfigException("training.inferenceFanouts", "has " + inferenceHops.size() + " hops but "
          + "encoder.layers is " + encoderConfig.layers() + "; they must be equal (got '" + training.inferenceFanouts()
          + "')");
    }
  }

  /** The built-in defaults ({@value TrainingJobConfigReader#DEFAULTS_RESOURCE}). */
  public static TrainingJobConfig defaults() {
    try {
      return TrainingJobConfigReader.load(null, List.of());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The defaults overlaid by {@code file} (may be {@code null}) and then {@code overrides} ({@code key=value}). */
  public static TrainingJobConfig load(Path file, List<String> overrides) throws IOException {
    return TrainingJobConfigReader.load(file, overrides);
  }

  /** The encoder config, its seed resolved. */
  public SageEncoderConfig encoderConfig() {
    return encoder.toConfig(seed);
  }

  /** The optimisation config, its seed resolved. */
  public TrainConfig trainConfig() {
    return training.toConfig(seed);
  }

  public MultiTaskConfig multiTaskConfig() {
    return tasks.toConfig();
  }

  /** The inference sampler: the inference fan-outs, seeded by the training seed. */
  public NeighborSamplerConfig inferenceSampling() {
    return NeighborSamplerConfig.builder().fanouts(training.inferenceFanouts()).seed(trainConfig().seed()).build();
  }

  /** The GraphSAGE recommender this job trains and evaluates. */
  public SageRecommenderConfig recommenderConfig() {
    return new SageRecommenderConfig(encoderConfig(), trainConfig(), multiTaskConfig(), training.inferenceFanouts(),
        catalog.labelAttributes(), catalog.engagementAttribute(), training.validationHoldOut(),
        training.kernelTemperature(), training.densityCorrection());
  }

  /**
   * The evaluation of a graph of {@code schema}: the continuation split over the playlist relation and the
   * cold-start split of its track type, both seeded by {@code evaluation.seed}, scored on {@code threads}
   * threads.
   */
  public EvaluationConfig evaluationConfig(GraphSchema schema, int threads) {
    EdgeType relation = playlistRelation(schema);
    return new EvaluationConfig(
        new PlaylistContinuationSplitConfig(relation.relation(), evaluation.minTracks(), evaluation.holdOutFraction(),
            evaluation.seed()),
        new ColdStartSplitConfig(relation.dst().name(), List.of(relation.relation()), evaluation.coldFraction(), true,
            evaluation.seed()),
        threads);
  }

  /** This config with {@code encoder.seed} and {@code training.seed} written out. */
  public TrainingJobConfig resolved() {
    return new TrainingJobConfig(seed, encoder.withSeed(encoderConfig().seed()),
        training.withSeed(trainConfig().seed()), tasks, catalog, evaluation);
  }

  /**
   * Checks the names this config uses against a graph: the playlist and artist relations, the node types with
   * learned vectors, the relations of both fan-out specs, and the attributes the configured tasks read.
   *
   * @throws JobConfigException naming the key and the graph's names
   */
  public void checkAgainst(HeteroGraph graph) {
    GraphSchema schema = graph.schema();
    EdgeType relation = playlistRelation(schema);
    if (relation.src().equals(relation.dst())) {
      throw new JobConfigException("catalog.playlistRelation", "must link playlists to tracks, two node types (got "
          + relation + ")");
    }
    if (!schema.hasRelation(catalog.artistRelation())) {
      throw new JobConfigException("catalog.artistRelation", "the graph has no relation '" + catalog.artistRelation()
          + "' (relations: " + relationNames(schema) + ")");
    }
    List<String> types = encoder.idEmbeddingTypes();
    for (int i = 0; i < types.size(); i++) {
      if (!schema.hasNodeType(types.get(i))) {
        throw new JobConfigException("encoder.idEmbeddingTypes[" + i + "]", "the graph has no node type '"
            + types.get(i) + "' (node types: " + schema.nodeTypes() + ")");
      }
    }
    checkRelations(schema, "training.fanouts", training.fanouts());
    checkRelations(schema, "training.inferenceFanouts", training.inferenceFanouts());
    if (tasks.tasks().contains(CatalogTasks.ENGAGEMENT)
        && graph.attributes(relation.dst()).find(catalog.engagementAttribute()).isEmpty()) {
      throw new JobConfigException("catalog.engagementAttribute", "the engagement task needs attribute '"
          + catalog.engagementAttribute() + "' on '" + relation.dst() + "' nodes (attributes: "
          + graph.attributes(relation.dst()).names() + ")");
    }
    if (tasks.tasks().contains(CatalogTasks.STYLISTIC) && catalog.labelAttributes().stream()
        .noneMatch(a -> graph.attributes(relation.src()).find(a).isPresent())) {
      throw new JobConfigException("catalog.labelAttributes", "the stylistic task needs one of "
          + catalog.labelAttributes() + " on '" + relation.src() + "' nodes (attributes: "
          + graph.attributes(relation.src()).names() + ")");
    }
  }

  private EdgeType playlistRelation(GraphSchema schema) {
    if (!schema.hasRelation(catalog.playlistRelation())) {
      throw new JobConfigException("catalog.playlistRelation", "the graph has no relation '"
          + catalog.playlistRelation() + "' (relations: " + relationNames(schema) + ")");
    }
    return schema.edgeType(catalog.playlistRelation());
  }

  private static void checkRelations(GraphSchema schema, String path, String spec) {
    List<Map<String, Integer>> hops = NeighborSamplerConfig.parseFanouts(spec);
    for (int h = 0; h < hops.size(); h++) {
      for (String relation : hops.get(h).keySet()) {
        if (!schema.hasRelation(relation)) {
          throw new JobConfigException(path, "hop " + (h + 1) + " names relation '" + relation
              + "', which the graph does not have (relations: " + relationNames(schema) + ")");
        }
      }
    }
  }

  private static List<String> relationNames(GraphSchema schema) {
    return schema.edgeTypes().stream().map(EdgeType::relation).toList();
  }

  static void given(Object value, String path) {
    if (value == null) {
      throw new JobConfigException(path, "must be given (got null)");
    }
  }

  static <T> List<T> givenList(List<T> values, String path) {
    given(values, path);
    for (int i = 0; i < values.size(); i++) {
      given(values.get(i), path + "[" + i + "]");
    }
    return List.copyOf(values);
  }

  private static List<String> fieldsOf(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
  }

  /**
   * The {@code encoder} section: the fields of {@link SageEncoderConfig}.
   *
   * @param seed seed of the weight initialisation; {@code null} follows the job seed
   */
  public record Encoder(int layers, int hiddenDim, int outputDim, Aggregator aggregator, Combination combination,
      int inputProjectionDim, double dropout, boolean normalizeOutput, FeatureNormalization featureNormalization,
      Long seed, List<String> idEmbeddingTypes, double idDropout) {
    static final List<String> FIELDS = fieldsOf(Encoder.class);

    public Encoder {
      given(aggregator, "encoder.aggregator");
      given(combination, "encoder.combination");
      given(featureNormalization, "encoder.featureNormalization");
      idEmbeddingTypes = givenList(idEmbeddingTypes, "encoder.idEmbeddingTypes");
    }

    SageEncoderConfig toConfig(long jobSeed) {
      try {
        return SageEncoderConfig.builder().layers(layers).hiddenDim(hiddenDim).outputDim(outputDim)
            .aggregator(aggregator).combination(combination).inputProjectionDim(inputProjectionDim).dropout(dropout)
            .normalizeOutput(normalizeOutput).featureNormalization(featureNormalization)
            .seed(seed != null ? seed : jobSeed).idEmbeddingTypes(idEmbeddingTypes).idDropout(idDropout).build();
      } catch (IllegalArgumentException e) {
        throw JobConfigException.fromRecord("encoder", FIELDS, "encoder", e);
      }
    }

    Encoder withSeed(long newSeed) {
      return new Encoder(layers, hiddenDim, outputDim, aggregator, combination, inputProjectionDim, dropout,
          normalizeOutput, featureNormalization, newSeed, idEmbeddingTypes, idDropout);
    }
  }

  /**
   * The {@code training} section: the fields of {@link TrainConfig} and the fan-outs of inference.
   *
   * @param batchSize seeds per step of single-task training; the catalog tasks batch by
   *     {@code tasks.pairsPerBatch} and {@code tasks.negativesPerBatch}
   * @param seed the run seed of sampling, shuffling and dropout; {@code null} follows the job seed
   * @param inferenceFanouts fan-outs when embedding (more neighbours than in training lower the variance);
   *     the same relations at every hop as {@code fanouts}
   * @param validationHoldOut share of each playlist's tracks held out to score every epoch (validation
   *     Recall@50) for early stopping and keeping the best epoch, in [0, 1); 0 trains on every edge for all epochs
   * @param kernelTemperature how playlists score tracks when evaluating: the kernel-sum temperature, or 0 for
   *     the cosine to the centroid of the playlist's tracks
   * @param densityCorrection exponent {@code beta} in [0, 1] of the kernel sum's hub correction: each track's score is
   *     divided by its kernel mass over the catalog to this power (0: none; needs a kernel temperature)
   */
  public record Training(int epochs, int batchSize, double learningRate, double weightDecay, String fanouts,
      int patience, Long seed, LearningRateSchedule schedule, String inferenceFanouts, double validationHoldOut,
      double kernelTemperature, double densityCorrection) {
    static final List<String> FIELDS = fieldsOf(Training.class);

    public Training {
      given(fanouts, "training.fanouts");
      given(schedule, "training.schedule");
      given(inferenceFanouts, "training.inferenceFanouts");
      fanouts(fanouts, "training.fanouts");
      fanouts(inferenceFanouts, "training.inferenceFanouts");
      if (!(validationHoldOut >= 0 && validationHoldOut < 1)) {
        throw new JobConfigException("training.validationHoldOut", "must be in [0, 1), 0 for none (got "
            + validationHoldOut + ")");
      }
      if (!(kernelTemperature >= 0) || Double.isInfinite(kernelTemperature)) {
        throw new JobConfigException("training.kernelTemperature", "must be >= 0, 0 for the centroid rule (got "
            + kernelTemperature + ")");
      }
      if (!(densityCorrection >= 0 && densityCorrection <= 1)) {
        throw new JobConfigException("training.densityCorrection", "must be in [0, 1], 0 for none (got "
            + densityCorrection + ")");
      }
      if (densityCorrection > 0 && kernelTemperature == 0) {
        throw new JobConfigException("training.densityCorrection", "corrects the kernel sum, but"
            + " training.kernelTemperature is 0 (the centroid rule); set it to 0 or give a kernel temperature");
      }
    }

    private static void fanouts(String spec, String path) {
      try {
        NeighborSamplerConfig.parseFanouts(spec);
      } catch (IllegalArgumentException e) {
        throw new JobConfigException(path, e.getMessage() + " (got '" + spec + "')");
      }
    }

    TrainConfig toConfig(long jobSeed) {
      try {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, fanouts, patience,
            seed != null ? seed : jobSeed, schedule);
      } catch (IllegalArgumentException e) {
        throw JobConfigException.fromRecord("training", FIELDS, "training", e);
      }
    }

    Training withSeed(long newSeed) {
      return new Training(epochs, batchSize, learningRate, weightDecay, fanouts, patience, newSeed, schedule,
          inferenceFanouts, validationHoldOut, kernelTemperature, densityCorrection);
    }
  }

  /** The {@code tasks} section: the fields of {@link MultiTaskConfig}. */
  public record Tasks(List<String> tasks, String weighting, Map<String, Double> fixedWeights, double temperature,
      int pairsPerBatch, int negativesPerBatch, double dwaTemperature, int contextSize, boolean samplingCorrection) {
    static final List<String> FIELDS = fieldsOf(Tasks.class);

    public Tasks {
      tasks = givenList(tasks, "tasks.tasks");
      given(weighting, "tasks.weighting");
      given(fixedWeights, "tasks.fixedWeights");
      fixedWeights.forEach((task, weight) -> given(weight, "tasks.fixedWeights." + task));
      fixedWeights = Collections.unmodifiableMap(new LinkedHashMap<>(fixedWeights));
    }

    MultiTaskConfig toConfig() {
      try {
        return new MultiTaskConfig(tasks, weighting, fixedWeights, temperature, pairsPerBatch, negativesPerBatch,
            dwaTemperature, contextSize, samplingCorrection);
      } catch (IllegalArgumentException e) {
        throw JobConfigException.fromRecord("tasks", FIELDS, "tasks", e);
      }
    }
  }

  /**
   * The {@code catalog} section: names in the graph that the tasks and baselines read. The track type is the
   * destination of the playlist relation.
   *
   * @param playlistRelation relation from playlists to tracks (organisational task, evaluation splits)
   * @param artistRelation relation from tracks to artists (the same-artist baseline of the evaluation)
   * @param labelAttributes STRING attributes of playlists the stylistic task votes onto tracks
   * @param engagementAttribute INT or FLOAT attribute of tracks the engagement task regresses
   */
  public record Catalog(String playlistRelation, String artistRelation, List<String> labelAttributes,
      String engagementAttribute) {
    public Catalog {
      labelAttributes = givenList(labelAttributes, "catalog.labelAttributes");
    }

    void check() {
      name(playlistRelation, "catalog.playlistRelation");
      name(artistRelation, "catalog.artistRelation");
      name(engagementAttribute, "catalog.engagementAttribute");
      for (int i = 0; i < labelAttributes.size(); i++) {
        name(labelAttributes.get(i), "catalog.labelAttributes[" + i + "]");
      }
    }

    private static void name(String value, String path) {
      given(value, path);
      if (value.isBlank()) {
        throw new JobConfigException(path, "must be a non-blank name (got '" + value + "')");
      }
    }
  }

  /**
   * The {@code evaluation} section: the splits of the playlist-continuation evaluation.
   *
   * @param seed seed of both splits, kept apart from the job seed so models trained with different seeds are
   *     compared on the same split
   * @param minTracks playlists with at least this many tracks lose some to the continuation split ({@code >= 2})
   * @param holdOutFraction share of such a playlist's tracks held out, in (0, 1)
   * @param coldFraction share of the tracks with a playlist made cold (new) in the cold-start split, in (0, 1)
   */
  public record Evaluation(long seed, int minTracks, double holdOutFraction, double coldFraction) {
    static final List<String> FIELDS = fieldsOf(Evaluation.class);

    void check() {
      try {
        new PlaylistContinuationSplitConfig("relation", minTracks, holdOutFraction, seed);
        new ColdStartSplitConfig("track", List.of("relation"), coldFraction, true, seed);
      } catch (IllegalArgumentException e) {
        throw JobConfigException.fromRecord("evaluation", FIELDS, "evaluation", e);
      }
    }
  }

  /** Names of the sections, in file order. */
  static final List<String> SECTIONS = fieldsOf(TrainingJobConfig.class);

  /** Keys whose values may differ between a checkpoint's run and the run resuming it. */
  static final Set<String> RESUMABLE_CHANGES = Set.of("training.epochs");

  /** Paths of the leaves where this config and {@code other} differ, in file order. */
  List<String> differences(TrainingJobConfig other) {
    List<String> paths = new ArrayList<>();
    TrainingJobConfigReader.diff(TrainingJobConfigReader.toTree(this), TrainingJobConfigReader.toTree(other), "",
        paths);
    return paths;
  }
}
