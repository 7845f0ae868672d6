package dev.polyphony.retrieval.quality;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.eval.EvaluationQueries;
import dev.polyphony.eval.PlaylistCatalog;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.split.PlaylistContinuationSplit;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import dev.polyphony.graph.split.PlaylistContinuationSplitResult;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import java.util.Locale;
import java.util.Objects;

/**
 * How well a track embedding retrieves, on the playlist continuation split of a catalog graph:
 *
 * <ol>
 *   <li>{@link AnnQuality}: the {@link AnnIndex} at its default settings against the exact oracle,
 *       recall@k and queries per second, on a seeded sample of table rows as queries;</li>
 *   <li>{@link BlendQuality}: the blended candidate lists against pure playlist-continuation lists on the
 *       split's warm queries, over a {@link RetrievalCatalog} of the split's training graph.</li>
 * </ol>
 *
 * <p>The table holds the tracks of {@code graph} (joined by external id); it should come from a model
 * trained without the split's held-out playlist edges, or from one that never reads playlists. Apart
 * from the timings, the result is a function of the table, the graph and the configuration's seeds
 * (with the default one-thread index build).
 */
public final class RetrievalQuality {
  private final HeteroGraph graph;
  private final EmbeddingTable tracks;
  private final RetrievalQualityConfig config;
  private final ProgressTracker progress;

  public RetrievalQuality(HeteroGraph graph, EmbeddingTable tracks, RetrievalQualityConfig config,
      ProgressTracker progress) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.tracks = Objects.requireNonNull(tracks, "tracks");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public RetrievalQuality(HeteroGraph graph, EmbeddingTable tracks, RetrievalQualityConfig config) {
    this(graph, tracks, config, ProgressTracker.NONE);
  }

  public RetrievalQualityResult compute() {
    PlaylistContinuationSplitConfig splitConfig = config.split();
    PlaylistContinuationSplitResult split = new PlaylistContinuationSplit(graph, splitConfig, progress).compute();
    PlaylistCatalog warmCatalog = PlaylistCatalog.of(split.training(), splitConfig.relation());
    EvaluationQueries warm = EvaluationQueries.warm(split, warmCatalog);

    progress.begin("build the ANN index over " + tracks.size() + " tracks", -1);
    long start = System.nanoTime();
    try (AnnIndex index = AnnIndex.build(tracks, config.indexConfig(tracks.metadata().metric()))) {
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      progress.end();

      progress.begin("measure ANN recall and queries per second", -1);
      float[][] queries = QuerySample.vectors(tracks, config.annQueries(), config.sampleSeed());
      AnnQualityResult ann = new AnnQuality(config.annK(), config.threads(), config.throughput())
          .measure(tracks, index, buildSeconds, queries, String.format(Locale.ROOT,
              "%d table rows sampled with seed %d", queries.length, config.sampleSeed()));
      progress.end();

      RetrievalCatalog catalog = new RetrievalCatalog(tracks, index, split.training());
      BlendQualityResult blend = new BlendQuality(catalog, warm, config.blend(), progress).compute();

      RetrievalQualityResult.Split splitSummary = new RetrievalQualityResult.Split(splitConfig.relation(),
          splitConfig.minTracks(), splitConfig.holdOutFraction(), splitConfig.seed(), split.playlistCount(),
          split.heldOutCount(), warm.queryCount(), warm.relevantCount(), warm.candidates().cardinality());
      return new RetrievalQualityResult(RetrievalQualityResult.Embeddings.of(tracks), splitSummary, ann, blend);
    }
  }
}
