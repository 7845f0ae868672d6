package dev.polyphony.rank.compare;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.LastfmHetrecReader;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.ImpressionSplit;
import dev.polyphony.rank.data.LastfmImpressions;
import dev.polyphony.rank.data.LastfmImpressionsConfig;
import dev.polyphony.rank.data.SyntheticImpressions;
import dev.polyphony.rank.data.SyntheticImpressionsConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The impression data sets of the comparison, split 70 / 15 / 15 by user. */
public final class ComparisonDatasets {
  public static final double TRAIN_FRACTION = 0.7;
  public static final double VALIDATION_FRACTION = 0.15;
  /** The published Last.fm data has 1,538 tag assignments naming unknown artists; they are rejected. */
  private static final long LASTFM_MAX_REJECTS = 10_000;

  private ComparisonDatasets() {}

  /**
   * A data set ready to compare on.
   *
   * @param name short name
   * @param description how it was made, for the report
   * @param split the split by user
   */
  public record Prepared(String name, String description, ImpressionSplit split) {}

  /** The small synthetic catalog the comparison generates impressions over: 5,000 tracks, 8 genres, seed 3. */
  public static SyntheticCatalogConfig syntheticCatalog(int users) {
    return SyntheticCatalogConfig.builder().tracks(5000).creators(500).playlists(300).users(users).genres(8)
        .listensPerUser(5).meanPlaylistLength(20).seed(3).build();
  }

  /** Synthetic impressions of {@code config} over {@link #syntheticCatalog}, split with {@code splitSeed}. */
  public static Prepared synthetic(SyntheticImpressionsConfig config, long splitSeed, ProgressTracker progress) {
    SyntheticCatalogConfig catalogConfig = syntheticCatalog(config.users());
    HeteroGraph catalog = SyntheticCatalog.generate(catalogConfig, progress);
    progress.begin("synthetic impressions", -1);
    ImpressionLog log = SyntheticImpressions.generate(catalog, config);
    progress.end();
    String description = String.format(Locale.ROOT, "Synthetic catalog (%d tracks, %d creators, %d users, catalog seed "
            + "%d); %d impressions per user drawn by popularity (genre focus %.2f); funnel from latent factors of "
            + "dimension %d with task correlation %.2f, intercepts %.1f / %.1f / %.1f, feature noise %.2f, data seed "
            + "%d; split by user with seed %d.", catalogConfig.tracks(), catalogConfig.creators(), config.users(),
        catalogConfig.seed(), config.impressionsPerUser(), config.genreFocus(), config.latentDim(),
        config.taskCorrelation(), config.clickBias(), config.saveBias(), config.subscribeBias(), config.featureNoise(),
        config.seed(), splitSeed);
    return new Prepared("synthetic", description, ImpressionSplit.byQuery(log, TRAIN_FRACTION, VALIDATION_FRACTION,
        splitSeed));
  }

  /** Last.fm impressions from the HetRec folder {@code folder}, split with {@code splitSeed}. */
  public static Prepared lastfm(Path folder, LastfmImpressionsConfig config, long splitSeed, ProgressTracker progress)
      throws IOException {
    RejectReport rejects = new RejectReport(LASTFM_MAX_REJECTS);
    IngestResult read = new LastfmHetrecReader().read(folder, rejects, progress);
    progress.begin("Last.fm impressions", -1);
    LastfmImpressions built = LastfmImpressions.build(read.graph(), config);
    progress.end();
    LastfmImpressions.Summary s = built.summary();
    String description = String.format(Locale.ROOT, "HetRec 2011 Last.fm 2K (%d rows rejected while reading): %.0f%% of "
            + "the listened artists of each of %d users held out (seed %d); impressions = %d retrieved by the "
            + "rank-%d truncated SVD of training pairs (the stand-in embeddings) + the held-out artists + %d "
            + "exploration artists per user: %d impressions, %d held-out pairs, %d of them retrieved; split by user "
            + "with seed %d.", rejects.total(), 100 * config.holdOutFraction(), s.users(), config.seed(),
        config.candidatesPerUser(), config.factors(), config.explorationPerUser(), s.impressions(), s.heldOutPairs(),
        s.retrievedHeldOut(), splitSeed);
    return new Prepared("lastfm", description, ImpressionSplit.byQuery(built.log(), TRAIN_FRACTION,
        VALIDATION_FRACTION, splitSeed));
  }
}
