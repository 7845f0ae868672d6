package dev.polyphony.rank.compare;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.ImpressionSplit;
import dev.polyphony.rank.RankTrainResult;
import dev.polyphony.rank.RankingModel;
import dev.polyphony.rank.RankingTasks;
import dev.polyphony.rank.RankingTrainer;
import dev.polyphony.rank.eval.Auc;
import dev.polyphony.rank.eval.HeadMetrics;
import dev.polyphony.rank.eval.TaskMetrics;
import dev.polyphony.rank.fusion.CrossEntropyMethod;
import dev.polyphony.rank.fusion.FusionSearch;
import dev.polyphony.rank.fusion.LongTermObjective;
import dev.polyphony.rank.fusion.ScoreFusion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Trains every head of the config under every seed on one impression split and measures them on its test
 * part: per-task AUC (entire space, and given the parent over parent positives), calibration, errors
 * against true probabilities when the log has them, and the fused ranking whose weights the cross-entropy
 * method searched on the validation part against the long-term objective. Summaries are mean and sample
 * standard deviation over seeds; the papers' claims are checked at the end ({@link ComparisonClaims}).
 */
public final class RankingComparison {
  private static final long FUSION_STREAM = 7;
  /** Rows scored once before the timed pass, so the timing leaves out first-call set-up. */
  private static final int WARM_UP_ROWS = 1024;

  private final RankingComparisonConfig config;

  public RankingComparison(RankingComparisonConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public RankingComparisonConfig config() {
    return config;
  }

  /** Compares the heads on {@code split}; each training epoch is a stage of {@code progress}. */
  public DatasetComparison run(String dataset, String description, ImpressionSplit split, ProgressTracker progress) {
    ImpressionLog test = split.test();
    ImpressionLog validation = split.validation();
    RankingTasks tasks = test.tasks();
    LongTermObjective objective = LongTermObjective.deepEngagement(tasks, config.ndcgK(), config.credits());
    List<HeadSummary> heads = new ArrayList<>();
    List<DatasetComparison.TradeOffRow> tradeOff = new ArrayList<>();
    float[] testFeatures = test.features();
    float[] validationFeatures = validation.features();
    for (HeadConfig head : config.heads()) {
      List<RunResult> runs = new ArrayList<>();
      long parameters = 0;
      for (int s = 0; s < config.seeds(); s++) {
        long seed = config.firstSeed() + s;
        RankingModel model = RankingModel.forTraining(head, split.train(), seed);
        parameters = model.parameterCount();
        RankTrainResult trained = new RankingTrainer(config.training().withSeed(seed))
            .train(model, split.train(), validation, progress);
        model.predict(java.util.Arrays.copyOf(testFeatures, Math.min(test.rows(), WARM_UP_ROWS) * test.featureCount()),
            Math.min(test.rows(), WARM_UP_ROWS));
        long started = System.nanoTime();
        float[] joint = model.predict(testFeatures, test.rows());
        double scoredPerSecond = test.rows() / Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        float[] conditional = model.predictConditional(testFeatures, test.rows());
        List<TaskMetrics> metrics = HeadMetrics.of(test, joint, conditional);
        float[] validationJoint = model.predict(validationFeatures, validation.rows());
        CrossEntropyMethod method = withSeed(config.fusion(), SeedDerivation.derive(seed, FUSION_STREAM));
        FusionSearch search = new FusionSearch(method);
        progress.begin(head.label() + " fusion search", -1);
        FusionSearch.Found found = search.search(validation, validationJoint, objective);
        LongTermObjective.Value onTest = objective.evaluate(test, found.fusion().scores(test, joint));
        LongTermObjective.Value product = objective.evaluate(test, ScoreFusion.product(tasks.count()).scores(test, joint));
        progress.end();
        runs.add(new RunResult(seed, trained.history().size(), trained.bestEpoch(), trained.bestValidation(),
            trained.seconds(), scoredPerSecond, metrics, new RunResult.FusionOutcome(found.fusion().taskWeights(),
                labelled(found.fusion().traitWeights()), found.value().value(), onTest.value(), onTest.ndcg(),
                labelled(onTest.exposures()), product.ndcg())));
        if (s == 0 && head.label().equals(config.tradeOffHead()) && validation.traits().contains(config.tradeOffTrait())) {
          progress.begin(head.label() + " fusion trade-off", -1);
          tradeOff = tradeOff(search, validation, validationJoint, test, joint, objective);
          progress.end();
        }
      }
      heads.add(summarise(head.label(), parameters, tasks, test, runs));
    }
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Double> oracle = new LinkedHashMap<>();
    List<String> conversion = new ArrayList<>();
    for (int k = 0; k < tasks.count(); k++) {
      rates.put(tasks.name(k), test.positiveRate(k));
      if (tasks.hasParent(k)) {
        conversion.add(tasks.name(k));
      }
      if (test.hasTrueProbabilities()) {
        float[] truth = new float[test.rows()];
        boolean[] labels = new boolean[test.rows()];
        for (int r = 0; r < truth.length; r++) {
          truth[r] = (float) test.trueJoint(r, k);
          labels[r] = test.label(r, k) == 1;
        }
        oracle.put(tasks.name(k), Auc.of(truth, labels));
      }
    }
    return new DatasetComparison(dataset, description, tasks.toString(), tasks.names(), conversion,
        split.train().rows(), validation.rows(), test.rows(), rates, oracle, heads,
        tradeOff.isEmpty() ? null : config.tradeOffHead(), config.tradeOffTrait().label(), tradeOff,
        ComparisonClaims.check(tasks.names(), conversion, heads));
  }

  private List<DatasetComparison.TradeOffRow> tradeOff(FusionSearch search, ImpressionLog validation,
      float[] validationJoint, ImpressionLog test, float[] testJoint, LongTermObjective objective) {
    List<DatasetComparison.TradeOffRow> rows = new ArrayList<>();
    ExposureTrait trait = config.tradeOffTrait();
    for (FusionSearch.TradeOffPoint p : search.tradeOff(validation, validationJoint, objective, trait,
        config.tradeOffCredits())) {
      LongTermObjective.Value onTest = objective.evaluate(test, p.fusion().scores(test, testJoint));
      rows.add(new DatasetComparison.TradeOffRow(p.credit(), p.fusion().taskWeights(),
          labelled(p.fusion().traitWeights()), p.value().ndcg(), p.value().exposures().getOrDefault(trait, 0.0),
          onTest.ndcg(), onTest.exposures().getOrDefault(trait, 0.0)));
    }
    return rows;
  }

  private static HeadSummary summarise(String label, long parameters, RankingTasks tasks, ImpressionLog test,
      List<RunResult> runs) {
    List<HeadSummary.TaskSummary> taskSummaries = new ArrayList<>();
    for (int k = 0; k < tasks.count(); k++) {
      int task = k;
      Function<Function<TaskMetrics, Double>, MeanStd> over = metric ->
          MeanStd.of(runs.stream().map(r -> metric.apply(r.tasks().get(task))).toList());
      taskSummaries.add(new HeadSummary.TaskSummary(tasks.name(k), over.apply(TaskMetrics::auc),
          over.apply(TaskMetrics::conditionalAuc), over.apply(TaskMetrics::calibrationError),
          over.apply(TaskMetrics::meanPredicted), test.positiveRate(k), over.apply(TaskMetrics::jointRmse),
          over.apply(TaskMetrics::conditionalRmse)));
    }
    Map<String, MeanStd> exposures = new LinkedHashMap<>();
    for (String trait : runs.get(0).fusion().testExposures().keySet()) {
      exposures.put(trait, MeanStd.of(runs.stream().map(r -> r.fusion().testExposures().get(trait)).toList()));
    }
    return new HeadSummary(label, parameters, taskSummaries,
        MeanStd.of(runs.stream().map(r -> r.fusion().testNdcg()).toList()),
        MeanStd.of(runs.stream().map(r -> r.fusion().testObjective()).toList()), exposures,
        MeanStd.of(runs.stream().map(r -> r.fusion().productNdcg()).toList()),
        MeanStd.of(runs.stream().map(r -> (double) r.epochs()).toList()),
        MeanStd.of(runs.stream().map(RunResult::trainSeconds).toList()),
        MeanStd.of(runs.stream().map(RunResult::scoredPerSecond).toList()), runs);
  }

  private static Map<String, Double> labelled(Map<ExposureTrait, Double> byTrait) {
    Map<String, Double> out = new LinkedHashMap<>();
    byTrait.forEach((trait, v) -> out.put(trait.label(), v));
    return out;
  }

  private static CrossEntropyMethod withSeed(CrossEntropyMethod m, long seed) {
    return new CrossEntropyMethod(m.population(), m.eliteFraction(), m.iterations(), m.smoothing(), m.minStd(), seed);
  }
}
