package dev.polyphony.rank.recommend;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.ImpressionSplit;
import dev.polyphony.rank.RankTrainResult;
import dev.polyphony.rank.RankingModel;
import dev.polyphony.rank.RankingTrainer;
import dev.polyphony.rank.compare.ComparisonDatasets;
import dev.polyphony.rank.fusion.CrossEntropyMethod;
import dev.polyphony.rank.fusion.FusionSearch;
import dev.polyphony.rank.fusion.LongTermObjective;
import dev.polyphony.rank.fusion.ScoreFusion;
import java.util.Objects;

/**
 * A ranking head and its fusion weights, made from impressions the way the comparison makes them: the log is
 * split 70 / 15 / 15 by query, the head is trained on the training queries and stopped early on the
 * validation queries, and the cross-entropy method searches the fusion weights on the validation queries for
 * the long-term objective. Deterministic under the config's seeds.
 *
 * @param model the trained head (the weights of its best epoch)
 * @param training how its training went
 * @param fusion the fusion weights found
 * @param validation the objective those weights reach on the validation queries
 */
public record TrainedHead(RankingModel model, RankTrainResult training, ScoreFusion fusion,
    LongTermObjective.Value validation) {

  public TrainedHead {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(fusion, "fusion");
    Objects.requireNonNull(validation, "validation");
  }

  /** Trains on {@code log} under {@code config}; each epoch and the fusion search are progress stages. */
  public static TrainedHead fit(ImpressionLog log, RecommenderConfig config, ProgressTracker progress) {
    ImpressionSplit split = ImpressionSplit.byQuery(log, ComparisonDatasets.TRAIN_FRACTION,
        ComparisonDatasets.VALIDATION_FRACTION, config.splitSeed());
    long seed = config.training().seed();
    RankingModel model = RankingModel.forTraining(config.head(), split.train(), seed);
    RankTrainResult result = new RankingTrainer(config.training()).train(model, split.train(), split.validation(),
        progress);
    progress.begin("fusion search", -1);
    ImpressionLog validation = split.validation();
    LongTermObjective objective = LongTermObjective.deepEngagement(validation.tasks(), config.ndcgK(),
        config.credits());
    FusionSearch.Found found = new FusionSearch(CrossEntropyMethod.defaults(seed)).search(validation,
        model.predict(validation), objective);
    progress.end();
    return new TrainedHead(model, result, found.fusion(), found.value());
  }
}
