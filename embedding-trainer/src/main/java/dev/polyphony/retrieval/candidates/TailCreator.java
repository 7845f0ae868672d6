package dev.polyphony.retrieval.candidates;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.IdMap;
import dev.polyphony.retrieval.Neighbors;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Tail Creator: tracks by creators in the popularity tail, ranked by relevance to the request, with
 * at most {@code capPerCreator} tracks per creator.
 *
 * <p>A creator's popularity is the sum (or mean, see {@link CreatorPopularity}) of its tracks'
 * popularity attribute over the creator relation (track to creator, e.g. {@code by_artist}). Its rank
 * percentile is 100 times the share of creators (with at least one track) whose popularity is
 * smaller; creators with a rank percentile below {@code percentile} are the tail, so with 100 creators
 * of distinct popularity and percentile 20, the 20 least popular. A track qualifies when it has a
 * creator and all its creators are in the tail (a feature with a popular creator is not tail content);
 * the cap counts a track against each of its creators.
 *
 * <p>Reason: {@code "creator a12 below popularity percentile 20 (percentile 12.50, sum popularity 40;
 * cap 2 per creator); cos 0.55 to seed track t7"}.
 */
public final class TailCreator implements CandidateGenerator {
  public static final String NAME = "tail-creator";

  private final RetrievalCatalog catalog;
  private final TailCreatorConfig config;
  private final CsrAdjacency creatorsOf;
  private final IdMap creatorIds;
  private final double[] creatorPopularity;
  private final double[] creatorPercentile;
  private final BitSet qualifying;

  public TailCreator(RetrievalCatalog catalog, TailCreatorConfig config) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.config = Objects.requireNonNull(config, "config");
    EdgeType byCreator = catalog.requireRelation(catalog.names().creatorRelation(), NAME);
    if (!byCreator.src().equals(catalog.trackType())) {
      throw new IllegalArgumentException(NAME + " needs '" + byCreator.relation() + "' to lead from "
          + catalog.trackType().name() + " to its creator (it leads from " + byCreator.src().name() + ")");
    }
    AttributeColumn popularity = catalog.requireTrackAttribute(catalog.names().popularity(),
        RetrievalCatalog.numeric(), NAME, "give tracks an int or float attribute '"
            + catalog.names().popularity() + "'");
    creatorsOf = catalog.graph().out(byCreator);
    creatorIds = catalog.graph().ids(byCreator.dst());
    CsrAdjacency tracksOf = catalog.graph().in(byCreator);
    creatorPopularity = new double[creatorIds.size()];
    for (int c = 0; c < creatorPopularity.length; c++) {
      double sum = 0;
      int valued = 0;
      for (int i = tracksOf.start(c); i < tracksOf.end(c); i++) {
        int track = tracksOf.target(i);
        if (popularity.isPresent(track)) {
          sum += popularity.getFloat(track);
          valued++;
        }
      }
      boolean defined = config.aggregate() == CreatorPopularity.SUM ? tracksOf.degree(c) > 0 : valued > 0;
      creatorPopularity[c] = !defined ? Double.NaN
          : config.aggregate() == CreatorPopularity.SUM ? sum : sum / valued;
    }
    creatorPercentile = Numbers.shareBelow(creatorPopularity);
    for (int c = 0; c < creatorPercentile.length; c++) {
      creatorPercentile[c] *= 100;
    }
    qualifying = new BitSet(catalog.size());
    for (int row = 0; row < catalog.size(); row++) {
      int node = catalog.node(row);
      if (node >= 0 && creatorsOf.degree(node) > 0 && allInTail(node)) {
        qualifying.set(row);
      }
    }
  }

  private boolean allInTail(int track) {
    for (int i = creatorsOf.start(track); i < creatorsOf.end(track); i++) {
      if (!isTail(creatorsOf.target(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether creator node {@code creator} is in the tail. */
  public boolean isTail(int creator) {
    return creatorPercentile[creator] < config.percentile();
  }

  /** The rank percentile of creator node {@code creator} in [0, 100), NaN when it has no popularity. */
  public double percentile(int creator) {
    return creatorPercentile[creator];
  }

  /** Number of rows whose creators are all in the tail. */
  public int qualifyingCount() {
    return qualifying.cardinality();
  }

  /** Whether the track at {@code row} has a creator and all its creators are in the tail. */
  public boolean qualifies(int row) {
    Objects.checkIndex(row, catalog.size());
    return qualifying.get(row);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Candidate> generate(CandidateRequest request, int k) {
    Numbers.checkK(k);
    ResolvedRequest resolved = catalog.resolve(request);
    float[] query = resolved.query();
    int available = qualifying.cardinality();
    // Capped creators skip some of the most relevant tracks, so search deeper until k are kept or the
    // qualifying tracks run out.
    for (int fetch = Math.min(k, Math.max(1, available)); ; fetch = Math.min(available, 2 * fetch)) {
      Neighbors found = catalog.search(query, fetch, resolved.allowed(qualifying::get));
      List<Candidate> kept = capped(found, k, resolved);
      if (kept.size() == k || found.size() < fetch || fetch >= available) {
        return kept;
      }
    }
  }

  private List<Candidate> capped(Neighbors found, int k, ResolvedRequest resolved) {
    Map<Integer, Integer> used = new HashMap<>();
    List<Candidate> kept = new ArrayList<>(k);
    for (int i = 0; i < found.size() && kept.size() < k; i++) {
      int node = catalog.node(found.row(i));
      boolean full = false;
      for (int e = creatorsOf.start(node); e < creatorsOf.end(node); e++) {
        full |= used.getOrDefault(creatorsOf.target(e), 0) >= config.capPerCreator();
      }
      if (full) {
        continue;
      }
      for (int e = creatorsOf.start(node); e < creatorsOf.end(node); e++) {
        used.merge(creatorsOf.target(e), 1, Integer::sum);
      }
      kept.add(Candidate.of(found.row(i), found.id(i), found.score(i), new Reason(NAME,
          describeCreators(node) + " below popularity percentile " + Numbers.compact(config.percentile()) + " ("
              + creatorFacts(node) + "; cap " + config.capPerCreator() + " per creator); "
              + catalog.relevance(found.score(i), resolved))));
    }
    return kept;
  }

  private String describeCreators(int track) {
    StringJoiner names = new StringJoiner(", ");
    for (int e = creatorsOf.start(track); e < creatorsOf.end(track); e++) {
      names.add(creatorIds.externalId(creatorsOf.target(e)));
    }
    return (creatorsOf.degree(track) == 1 ? "creator " : "creators ") + names;
  }

  private String creatorFacts(int track) {
    StringJoiner facts = new StringJoiner("; ");
    for (int e = creatorsOf.start(track); e < creatorsOf.end(track); e++) {
      int c = creatorsOf.target(e);
      facts.add("percentile " + Numbers.fixed2(creatorPercentile[c]) + ", " + config.aggregate().label()
          + " popularity " + Numbers.compact(creatorPopularity[c]));
    }
    return facts.toString();
  }
}
