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
 * The entire-space heads with and without multi-scale behaviour sequences on one synthetic funnel, the sequences
 * from one {@link SequenceSource}: the catalog's timestamped listens pooled over the stand-in track embedding
 * ({@link StandInTrackEmbedding}: audio features and creators), each user's impressions at one moment drawn
 * uniformly in the second half of the listen window; or the clicks on the user's earlier impressions pooled over
 * the items' feature columns, the impressions spread over the listen window in order. Only events before an
 * impression's time are summarised. The same impressions, split and seeds serve both variants, so the difference is
 * the sequence features alone.
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
    SyntheticImpressionsConfig d = SyntheticImpressionsConfig.defaults().withUsers(config.users());
    SyntheticImpressionsConfig impressions = new SyntheticImpressionsConfig(d.users(), d.impressionsPerUser(),
        d.latentDim(), config.featureNoise(), d.genreFocus(), d.taskCorrelation(), d.signal(), d.clickBias(),
        d.saveBias(), d.subscribeBias(), d.freshDays(), d.tailPercentile(), d.seed());
    progress.begin("synthetic impressions and sequences", -1);
    ImpressionLog log = SyntheticImpressions.generate(catalog, impressions);
    long start = catalogConfig.listenWindowStartMillis();
    long end = catalogConfig.listenWindowEndMillis();
    int[] userOfQuery = new int[config.users()];
    for (int u = 0; u < userOfQuery.length; u++) {
      userOfQuery[u] = u;
    }
    int tracks = catalog.nodeCount(dev.polyphony.graph.synth.SyntheticSchema.TRACK);
    BehaviourSequences sequences;
    ImpressionLog augmented;
    String source;
    if (config.source() == SequenceSource.LISTENS) {
      EmbeddingTable table = new StandInTrackEmbedding(config.embeddingDimension(),
          StandInTrackEmbedding.DEFAULT_ARTIST_WEIGHT, config.timeSeed()).table(catalog);
      float[] values = new float[table.size() * table.dimension()];
      table.valuesView().get(values);
      sequences = BehaviourSequences.of(catalog.out(LISTENED), values, table.dimension(), config.windows());
      long[] times = SequenceFeatures.uniformTimes(config.users(), start + (end - start) / 2, end, config.timeSeed());
      augmented = SequenceFeatures.augment(log, sequences, userOfQuery, times);
      source = String.format(Locale.ROOT, "the last %d listens, the last %d days and all listens before the user's "
              + "impression time (uniform in the second half of the listen window, seed %d), mean-pooled over a "
              + "%d-dimensional stand-in track embedding", config.windows().lastEvents(), config.windows().recentDays(),
          config.timeSeed(), config.embeddingDimension());
    } else {
      int k = impressions.latentDim();
      long[] times = SequenceFeatures.spreadRowTimes(log, start, end, config.timeSeed());
      sequences = BehaviourSequences.of(EngagementHistory.of(log, 0, times, config.users(), tracks),
          EngagementHistory.itemEmbeddings(log, "item_", k, tracks), k, config.windows());
      augmented = SequenceFeatures.augmentRows(log, sequences, userOfQuery, times);
      source = String.format(Locale.ROOT, "the last %d clicks, the clicks of the last %d days and all clicks on the "
              + "user's impressions before this one (impressions spread over the listen window in order, seed %d), "
              + "mean-pooled over the items' %d observed factor columns", config.windows().lastEvents(),
          config.windows().recentDays(), config.timeSeed(), k);
    }
    progress.end();
    String description = String.format(Locale.ROOT, "Synthetic catalog (%d tracks, %d users, %.0f listens per user "
            + "over %d days, catalog seed %d) and its funnel impressions (%d per user, feature noise %.2f, data seed %d); sequences: %s, "
            + "plus ln(1 + count) per window: %d extra features; split by user with seed %d.",
        catalogConfig.tracks(), config.users(), config.listensPerUser(), config.listenWindowDays(),
        catalogConfig.seed(), impressions.impressionsPerUser(), impressions.featureNoise(), impressions.seed(), source, sequences.featureCount(),
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
