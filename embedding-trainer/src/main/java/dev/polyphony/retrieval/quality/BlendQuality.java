package dev.polyphony.retrieval.quality;

import dev.polyphony.eval.EvaluationQueries;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateBlender.GeneratorShare;
import dev.polyphony.retrieval.candidates.CandidateGenerator;
import dev.polyphony.retrieval.candidates.CandidateGenerators;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.FreshContent;
import dev.polyphony.retrieval.candidates.FreshContentConfig;
import dev.polyphony.retrieval.candidates.PlaylistContinuation;
import dev.polyphony.retrieval.candidates.Quota;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import dev.polyphony.retrieval.candidates.TailCreator;
import dev.polyphony.retrieval.candidates.TailCreatorConfig;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Compares blended candidate lists with pure-relevance lists on the warm queries of a playlist
 * continuation split ({@link EvaluationQueries#warm}).
 *
 * <p>For each query playlist both lists continue it from its training tracks: the pure-relevance list
 * is {@link PlaylistContinuation} alone, the blended list is a {@link CandidateBlender} over the
 * configured generators with equal shares, in the configured priority. Both hold only the warm
 * protocol's candidate tracks (tracks with a training playlist), so they are scored against the same
 * relevant sets as the warm protocol of the playlist-continuation evaluation: the playlist's held-out
 * candidate tracks. Per family of lists: Recall@K, the share of tail-creator tracks and of fresh tracks
 * ({@link TailCreator}, {@link FreshContent} with default settings, whether or not those generators are
 * blended) and catalogue coverage (distinct tracks over all lists / candidate tracks).
 *
 * <p>A generator the catalog cannot serve (e.g. revenue margin without a margin attribute) is left out
 * of the blend and named in the result with the reason; the others share the list equally.
 *
 * <p>The catalog's graph must be the split's training graph, so that held-out tracks are neither in
 * the playlists' vectors nor excluded as their members; the queries' node ids are the graph's.
 * Deterministic for a deterministic index (e.g. an {@code AnnIndex} built on one thread, or an
 * {@code ExactIndex}).
 */
public final class BlendQuality {
  private final RetrievalCatalog catalog;
  private final EvaluationQueries queries;
  private final BlendQualityConfig config;
  private final ProgressTracker progress;

  public BlendQuality(RetrievalCatalog catalog, EvaluationQueries queries, BlendQualityConfig config,
      ProgressTracker progress) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
    int tracks = catalog.graph().nodeCount(catalog.trackType());
    if (queries.candidates().length() > tracks) {
      throw new IllegalArgumentException("queries name track " + (queries.candidates().length() - 1)
          + ", the catalog graph has " + tracks + " tracks");
    }
  }

  public BlendQualityResult compute() {
    int k = config.listLength();
    List<CandidateBlender.Entry> entries = new ArrayList<>();
    List<BlendQualityResult.OmittedGenerator> omitted = new ArrayList<>();
    List<CandidateGenerator> available = new ArrayList<>();
    for (String name : config.generators()) {
      try {
        available.add(CandidateGenerators.create(name, catalog));
      } catch (IllegalArgumentException e) {
        omitted.add(new BlendQualityResult.OmittedGenerator(name, e.getMessage()));
      }
    }
    if (available.isEmpty()) {
      throw new IllegalArgumentException("the catalog serves none of the generators " + config.generators()
          + ": " + omitted);
    }
    double quota = 1.0 / available.size();
    for (CandidateGenerator g : available) {
      entries.add(new CandidateBlender.Entry(g, Quota.share(quota)));
    }
    CandidateBlender blender = new CandidateBlender(entries);
    PlaylistContinuation relevance = new PlaylistContinuation(catalog);

    BitSet allowed = allowedNodes();
    int candidateTracks = allowed.cardinality();
    if (candidateTracks == 0) {
      throw new IllegalArgumentException("none of the " + queries.candidates().cardinality()
          + " candidate tracks has an embedding");
    }
    Set<String> exclusions = exclusions(allowed);
    FreshContent fresh = optional(() -> new FreshContent(catalog, FreshContentConfig.defaults()));
    TailCreator tail = optional(() -> new TailCreator(catalog, TailCreatorConfig.defaults()));
    IntPredicate isFresh = fresh == null ? null : node -> fresh.isFresh(catalog.row(node));
    IntPredicate isTail = tail == null ? null : node -> tail.qualifies(catalog.row(node));
    ListQualityAccumulator relevanceLists = new ListQualityAccumulator(k, isTail, isFresh, candidateTracks);
    ListQualityAccumulator blendedLists = new ListQualityAccumulator(k, isTail, isFresh, candidateTracks);

    EdgeType contains = catalog.requireRelation(catalog.names().playlistRelation(), "blend quality");
    IdMap playlistIds = catalog.graph().ids(contains.src());
    CsrAdjacency members = catalog.graph().out(contains);
    long[] placed = new long[available.size()];
    long blendedEntries = 0;
    int skipped = 0;
    progress.begin("blend candidate lists for " + queries.queryCount() + " playlists", queries.queryCount());
    for (int q = 0; q < queries.queryCount(); q++) {
      int playlist = queries.playlists()[q];
      progress.step(1);
      if (!hasEmbeddedTrack(members, playlist)) {
        skipped++;
        continue;
      }
      CandidateRequest request = new CandidateRequest(null, playlistIds.externalId(playlist), exclusions);
      IntOpenHashSet relevant = new IntOpenHashSet(queries.relevantOf(q));
      relevanceLists.add(nodes(relevance.generate(request, k)), relevant);
      BlendResult blend = blender.blend(request, k);
      blendedLists.add(nodes(blend.candidates()), relevant);
      blendedEntries += blend.candidates().size();
      for (int i = 0; i < placed.length; i++) {
        GeneratorShare share = blend.shares().get(i);
        placed[i] += share.placed();
      }
    }
    progress.end();

    List<BlendQualityResult.BlendedGenerator> generators = new ArrayList<>();
    for (int i = 0; i < available.size(); i++) {
      generators.add(new BlendQualityResult.BlendedGenerator(available.get(i).name(), quota, placed[i],
          blendedEntries == 0 ? 0 : (double) placed[i] / blendedEntries));
    }
    return new BlendQualityResult(k, queries.queryCount() - skipped, skipped, candidateTracks,
        fresh == null ? null : "released in the " + FreshContentConfig.DEFAULT_WINDOW_DAYS + " days to "
            + fresh.referenceDate(),
        tail == null ? null : String.format(Locale.ROOT, "all creators below popularity percentile %.0f"
            + " (creator popularity: sum over its tracks)", TailCreatorConfig.DEFAULT_PERCENTILE),
        share(allowed, isFresh, candidateTracks), share(allowed, isTail, candidateTracks),
        generators, omitted, relevanceLists.result(), blendedLists.result());
  }

  /** The warm candidates (graph track nodes) that have a row in the table. */
  private BitSet allowedNodes() {
    BitSet allowed = new BitSet();
    BitSet candidates = queries.candidates();
    for (int node = candidates.nextSetBit(0); node >= 0; node = candidates.nextSetBit(node + 1)) {
      if (catalog.row(node) >= 0) {
        allowed.set(node);
      }
    }
    return allowed;
  }

  /** Ids of the table rows no list may hold: rows outside the graph or outside the candidates. */
  private Set<String> exclusions(BitSet allowed) {
    Set<String> ids = new HashSet<>();
    for (int row = 0; row < catalog.size(); row++) {
      int node = catalog.node(row);
      if (node < 0 || !allowed.get(node)) {
        ids.add(catalog.tracks().id(row));
      }
    }
    return Set.copyOf(ids);
  }

  private boolean hasEmbeddedTrack(CsrAdjacency members, int playlist) {
    for (int i = members.start(playlist); i < members.end(playlist); i++) {
      if (catalog.row(members.target(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private int[] nodes(List<Candidate> list) {
    int[] nodes = new int[list.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = catalog.node(list.get(i).row());
    }
    return nodes;
  }

  private static Double share(BitSet tracks, IntPredicate property, int count) {
    if (property == null) {
      return null;
    }
    int with = 0;
    for (int node = tracks.nextSetBit(0); node >= 0; node = tracks.nextSetBit(node + 1)) {
      with += property.test(node) ? 1 : 0;
    }
    return (double) with / count;
  }

  /** The generator {@code make} builds, or null when the catalog lacks what it needs. */
  private static <T> T optional(Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
