package dev.polyphony.job;

import dev.polyphony.eval.BprConfig;
import dev.polyphony.eval.BprRecommender;
import dev.polyphony.eval.ContentKnnConfig;
import dev.polyphony.eval.ContentKnnRecommender;
import dev.polyphony.eval.EvaluationReport;
import dev.polyphony.eval.ItemCooccurrenceKnnConfig;
import dev.polyphony.eval.ItemCooccurrenceKnnRecommender;
import dev.polyphony.eval.PlaylistContinuationEvaluation;
import dev.polyphony.eval.PlaylistRecommender;
import dev.polyphony.eval.PopularityRecommender;
import dev.polyphony.eval.SageRecommender;
import dev.polyphony.eval.SageRecommenderConfig;
import dev.polyphony.eval.SameArtistPopularityRecommender;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.task.MultiTaskConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The playlist-continuation evaluation of a job ({@link PlaylistContinuationEvaluation} with the job's split
 * settings): the five baselines (popularity, same-artist popularity, item co-occurrence kNN, content kNN,
 * BPR-MF seeded by the job seed) and the job's GraphSAGE recommender; with ablations also the job's tasks under
 * each of the three weighting schemes and each task alone (fixed weight 1). A configuration that two entries
 * would share is trained once, under the first name.
 *
 * <p>GraphSAGE recommenders are named {@code GraphSAGE multi-task (<weighting>)} or
 * {@code GraphSAGE <task> only}.
 */
public final class EvaluationJob {
  /** Weighting schemes in the order ablations list them. */
  static final List<String> WEIGHTINGS = List.of("fixed", "uncertainty", "dwa");

  /** The baselines by the names job files use, in the order they are listed. */
  public static final List<String> BASELINES = List.of("popularity", "same-artist-popularity",
      "cooccurrence-knn", "content-knn", "bpr");

  private final TrainingJobConfig config;

  public EvaluationJob(TrainingJobConfig config) {
    this.config = Objects.requireNonNull(config, "config").resolved();
  }

  /** The baselines, then the job's recommender, then (with {@code ablations}) the ablations. */
  public List<PlaylistRecommender> recommenders(boolean ablations) {
    List<PlaylistRecommender> recommenders = new ArrayList<>();
    BASELINES.forEach(b -> recommenders.add(baseline(b)));
    sageConfigs(ablations).forEach((name, c) -> recommenders.add(new SageRecommender(name, c)));
    return recommenders;
  }

  /**
   * The chosen {@code baselines} (names of {@link #BASELINES}, in their order there), then the job's recommender,
   * then each of {@code singleTasks} (tasks of the job) trained alone with fixed weight 1.
   *
   * @throws JobConfigException when a baseline is unknown or a single task is not one of the job's tasks
   */
  public List<PlaylistRecommender> recommenders(List<String> baselines, List<String> singleTasks) {
    List<PlaylistRecommender> recommenders = new ArrayList<>();
    for (String b : baselines) {
      if (!BASELINES.contains(b)) {
        throw new JobConfigException("baselines", "unknown baseline '" + b + "' (known: "
            + String.join(", ", BASELINES) + ")");
      }
    }
    BASELINES.stream().filter(baselines::contains).forEach(b -> recommenders.add(baseline(b)));
    SageRecommenderConfig main = config.recommenderConfig();
    Map<String, SageRecommenderConfig> configs = new LinkedHashMap<>();
    configs.put(name(main.tasks()), main);
    for (String task : singleTasks) {
      if (!main.tasks().tasks().contains(task)) {
        throw new JobConfigException("singleTasks", "'" + task + "' is not a task of the job (tasks: "
            + String.join(", ", main.tasks().tasks()) + ")");
      }
      add(configs, main.withTasks(alone(main.tasks(), task)));
    }
    configs.forEach((name, c) -> recommenders.add(new SageRecommender(name, c)));
    return recommenders;
  }

  private PlaylistRecommender baseline(String name) {
    return switch (name) {
      case "popularity" -> new PopularityRecommender();
      case "same-artist-popularity" -> new SameArtistPopularityRecommender(config.catalog().artistRelation());
      case "cooccurrence-knn" -> new ItemCooccurrenceKnnRecommender(ItemCooccurrenceKnnConfig.defaults());
      case "content-knn" -> new ContentKnnRecommender(ContentKnnConfig.allColumns());
      case "bpr" -> new BprRecommender(BprConfig.defaults(config.seed()));
      default -> throw new IllegalArgumentException("unknown baseline '" + name + "'");
    };
  }

  private static MultiTaskConfig alone(MultiTaskConfig tasks, String task) {
    return new MultiTaskConfig(List.of(task), "fixed", Map.of(), tasks.temperature(), tasks.pairsPerBatch(),
        tasks.negativesPerBatch(), tasks.dwaTemperature(), tasks.contextSize(), tasks.samplingCorrection());
  }

  /** The GraphSAGE configurations by name, the job's own first. */
  Map<String, SageRecommenderConfig> sageConfigs(boolean ablations) {
    SageRecommenderConfig main = config.recommenderConfig();
    Map<String, SageRecommenderConfig> configs = new LinkedHashMap<>();
    configs.put(name(main.tasks()), main);
    if (ablations) {
      MultiTaskConfig tasks = main.tasks();
      if (tasks.tasks().size() > 1) {
        for (String weighting : WEIGHTINGS) {
          add(configs, main.withTasks(tasks.withWeighting(weighting)));
        }
      }
      for (String task : tasks.tasks()) {
        add(configs, main.withTasks(alone(tasks, task)));
      }
    }
    return configs;
  }

  private static void add(Map<String, SageRecommenderConfig> configs, SageRecommenderConfig candidate) {
    if (!configs.containsValue(candidate)) {
      configs.putIfAbsent(name(candidate.tasks()), candidate);
    }
  }

  static String name(MultiTaskConfig tasks) {
    return tasks.tasks().size() == 1 ? "GraphSAGE " + tasks.tasks().get(0) + " only"
        : "GraphSAGE multi-task (" + tasks.weighting() + ")";
  }

  /**
   * Evaluates every recommender on {@code graph}, scoring queries on {@code threads} threads.
   *
   * @throws JobConfigException when the config names relations, node types or attributes the graph lacks
   */
  public EvaluationReport run(HeteroGraph graph, boolean ablations, int threads, ProgressTracker progress) {
    return run(graph, recommenders(ablations), threads, progress);
  }

  /**
   * Evaluates {@code recommenders} (e.g. of {@link #recommenders(List, List)}) on {@code graph}, scoring queries on
   * {@code threads} threads.
   *
   * @throws JobConfigException when the config names relations, node types or attributes the graph lacks
   */
  public EvaluationReport run(HeteroGraph graph, List<PlaylistRecommender> recommenders, int threads,
      ProgressTracker progress) {
    config.checkAgainst(graph);
    PlaylistContinuationEvaluation evaluation = new PlaylistContinuationEvaluation(graph,
        config.evaluationConfig(graph.schema(), threads), progress);
    return evaluation.evaluate(recommenders);
  }
}
