package dev.polyphony.rank.sequence;

import static dev.polyphony.graph.synth.SyntheticSchema.LISTENED;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.ImpressionSplit;
import dev.polyphony.rank.compare.ComparisonDatasets;
import dev.polyphony.rank.compare.DatasetComparison;
import dev.polyphony.rank.compare.RankingComparison;
import dev.polyphony.rank.data.SyntheticImpressions;
import dev.polyphony.rank.data.SyntheticImpressionsConfig;
import dev.polyphony.retrieval.quality.StandInTrackEmbedding;
import java.util.Locale;
import java.util.Objects;

/**
 * The entire-space heads with and without multi-scale behaviour sequences on one synthetic funnel: the catalog's
 * timestamped listens are every user's sequence, the stand-in track embedding ({@link StandInTrackEmbedding}: audio
 * features and creators) is pooled over them, each user's impressions happen at one moment drawn uniformly in the
 * second half of the listen window, and only listens before it are summarised. The same impressions, split and seeds
 * serve both variants, so the difference is the sequence features alone.
 */
public final class SequenceComparison {
  private final SequenceComparisonConfig config;

  public SequenceComparison(SequenceComparisonConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Both variants' comparisons and the data's description. */
  public record Result(String description, DatasetComparison without, DatasetComparison with) {}

  public Result run(ProgressTracker progress) {
    SyntheticCatalogConfig catalogConfig = ComparisonDatasets.syntheticCatalog(config.users()).toBuilder()
        .listensPerUser(config.listensPerUser()).listenWindowDays(config.listenWindowDays()).build();
    HeteroGraph catalog = SyntheticCatalog.generate(catalogConfig, progress);
    SyntheticImpressionsConfig impressions = SyntheticImpressionsConfig.defaults().withUsers(config.users());
    progress.begin("synthetic impressions and sequences", -1);
    ImpressionLog log = SyntheticImpressions.generate(catalog, impressions);
    EmbeddingTable tracks = new StandInTrackEmbedding(config.embeddingDimension(),
        StandInTrackEmbedding.DEFAULT_ARTIST_WEIGHT, config.timeSeed()).table(catalog);
    float[] values = new float[tracks.size() * tracks.dimension()];
    tracks.valuesView().get(values);
    BehaviourSequences sequences = BehaviourSequences.of(catalog.out(LISTENED), values, tracks.dimension(),
        config.windows());
    long start = catalogConfig.listenWindowStartMillis();
    long end = catalogConfig.listenWindowEndMillis();
    int[] userOfQuery = new int[config.users()];
    for (int u = 0; u < userOfQuery.length; u++) {
      userOfQuery[u] = u;
    }
    long[] times = SequenceFeatures.uniformTimes(config.users(), start + (end - start) / 2, end, config.timeSeed());
    ImpressionLog augmented = SequenceFeatures.augment(log, sequences, userOfQuery, times);
    progress.end();
    String description = String.format(Locale.ROOT, "Synthetic catalog (%d tracks, %d users, %.0f listens per user "
            + "over %d days, catalog seed %d) and its funnel impressions (%d per user, data seed %d); sequences: the "
            + "last %d listens, the last %d days and all listens before the user's impression time (uniform in the "
            + "second half of the listen window, seed %d), mean-pooled over a %d-dimensional stand-in track "
            + "embedding, plus ln(1 + count) per window: %d extra features; split by user with seed %d.",
        catalogConfig.tracks(), config.users(), config.listensPerUser(), config.listenWindowDays(),
        catalogConfig.seed(), impressions.impressionsPerUser(), impressions.seed(), config.windows().lastEvents(),
        config.windows().recentDays(), config.timeSeed(), config.embeddingDimension(), sequences.featureCount(),
        config.splitSeed());
    RankingComparison comparison = new RankingComparison(config.ranking());
    DatasetComparison without = comparison.run("without sequences", description, split(log), progress);
    DatasetComparison with = comparison.run("with sequences", description, split(augmented), progress);
    return new Result(description, without, with);
  }

  private ImpressionSplit split(ImpressionLog log) {
    return ImpressionSplit.byQuery(log, ComparisonDatasets.TRAIN_FRACTION, ComparisonDatasets.VALIDATION_FRACTION,
        config.splitSeed());
  }
}
