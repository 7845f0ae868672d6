package dev.polyphony.eval;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.split.ColdStartSplit;
import dev.polyphony.graph.split.ColdStartSplitResult;
import dev.polyphony.graph.split.PlaylistContinuationSplit;
import dev.polyphony.graph.split.PlaylistContinuationSplitResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Playlist continuation evaluation with warm and cold-start tracks reported apart.
 *
 * <ul>
 *   <li>Warm: a {@link PlaylistContinuationSplit} holds out a share of each playlist's tracks. Each
 *       recommender is fitted to its training graph ({@link PlaylistCatalog#of}) and continues every
 *       playlist with held-out tracks: {@link EvaluationProtocol#WARM} ranks the tracks that have a
 *       training playlist and counts the held-out ones among them;
 *       {@link EvaluationProtocol#CONTINUATION_ALL_TRACKS} ranks every track and counts every held-out
 *       track.
 *   <li>Cold: a {@link ColdStartSplit} removes the playlists of a share of the tracks (cold tracks keep
 *       features and, in the inference graph, artist and album). Each recommender is fitted again, to
 *       the training graph with the inference graph as side information, and continues every playlist
 *       that held a cold track: {@link EvaluationProtocol#COLD} ranks the cold tracks only (the usual
 *       inductive protocol), {@link EvaluationProtocol#COLD_ALL_TRACKS} ranks every track; the
 *       playlist's cold tracks are the relevant ones.
 * </ul>
 * Recommendations never include a playlist's training tracks. Metrics: Recall@10, Recall@50 and NDCG@50
 * ({@link RankingMetrics}), means over queries. Everything is determined by the configuration's seeds and
 * the recommenders' own seeds.
 */
public final class PlaylistContinuationEvaluation {
  private final HeteroGraph graph;
  private final EvaluationConfig config;
  private final ProgressTracker progress;
  private Splits splits;

  public PlaylistContinuationEvaluation(HeteroGraph graph, EvaluationConfig config, ProgressTracker progress) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
    EdgeType relation = graph.schema().edgeType(config.continuation().relation());
    if (!relation.dst().name().equals(config.coldStart().nodeType())) {
      throw new IllegalArgumentException("coldStart.nodeType must be the track type '" + relation.dst()
          + "' of relation '" + relation.relation() + "' (got '" + config.coldStart().nodeType() + "')");
    }
  }

  public PlaylistContinuationEvaluation(HeteroGraph graph, EvaluationConfig config) {
    this(graph, config, ProgressTracker.NONE);
  }

  public EvaluationConfig config() {
    return config;
  }

  /** The catalog recommenders are fitted to for the warm protocols. */
  public PlaylistCatalog continuationCatalog() {
    return splits().continuation();
  }

  /** The catalog recommenders are fitted to for the cold protocols. */
  public PlaylistCatalog coldStartCatalog() {
    return splits().coldStart();
  }

  public EvaluationQueries queries(EvaluationProtocol protocol) {
    return splits().queries().get(protocol);
  }

  /** Fits {@code recommender} to each split and evaluates it under every protocol (in enum order). */
  public List<EvaluationResult> evaluate(PlaylistRecommender recommender) {
    Splits s = splits();
    QueryEvaluator evaluator = new QueryEvaluator(config.threads());
    List<EvaluationResult> results = new ArrayList<>();
    for (boolean cold : new boolean[] {false, true}) {
      PlaylistCatalog catalog = cold ? s.coldStart() : s.continuation();
      List<EvaluationQueries> sets = new ArrayList<>();
      for (EvaluationProtocol protocol : EvaluationProtocol.values()) {
        if (protocol.coldStart() == cold) {
          sets.add(s.queries().get(protocol));
        }
      }
      String stage = recommender.name() + (cold ? " on the cold-start split" : " on the continuation split");
      FittedRecommender model = recommender.fit(catalog, progress);
      if (model.catalog() != catalog) {
        throw new IllegalStateException(recommender.name() + " returned a model of another catalog");
      }
      results.addAll(evaluator.evaluate(recommender.name(), model, sets, "evaluate " + stage, progress));
    }
    return results;
  }

  /** Evaluates every recommender; the report lists results by recommender, then protocol. */
  public EvaluationReport evaluate(List<? extends PlaylistRecommender> recommenders) {
    List<EvaluationReport.Recommender> described = new ArrayList<>();
    List<EvaluationResult> results = new ArrayList<>();
    for (PlaylistRecommender r : recommenders) {
      described.add(new EvaluationReport.Recommender(r.name(), r.parameters()));
      results.addAll(evaluate(r));
    }
    return new EvaluationReport(config, described, results);
  }

  private synchronized Splits splits() {
    if (splits == null) {
      PlaylistContinuationSplitResult continuation =
          new PlaylistContinuationSplit(graph, config.continuation(), progress).compute();
      ColdStartSplitResult coldStart = new ColdStartSplit(graph, config.coldStart(), progress).compute();
      String relation = config.continuation().relation();
      PlaylistCatalog warmCatalog = PlaylistCatalog.of(continuation.training(), relation);
      PlaylistCatalog coldCatalog = new PlaylistCatalog(coldStart.training(), coldStart.inference(),
          graph.schema().edgeType(relation));
      Map<EvaluationProtocol, EvaluationQueries> queries = new EnumMap<>(EvaluationProtocol.class);
      queries.put(EvaluationProtocol.WARM, EvaluationQueries.warm(continuation, warmCatalog));
      queries.put(EvaluationProtocol.CONTINUATION_ALL_TRACKS,
          EvaluationQueries.continuationAllTracks(continuation, warmCatalog));
      queries.put(EvaluationProtocol.COLD, EvaluationQueries.cold(coldStart, coldCatalog));
      queries.put(EvaluationProtocol.COLD_ALL_TRACKS, EvaluationQueries.coldAllTracks(coldStart, coldCatalog));
      splits = new Splits(warmCatalog, coldCatalog, queries);
    }
    return splits;
  }

  private record Splits(PlaylistCatalog continuation, PlaylistCatalog coldStart,
      Map<EvaluationProtocol, EvaluationQueries> queries) {}
}
