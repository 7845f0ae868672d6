package dev.polyphony.retrieval.candidates;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.retrieval.Neighbors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Revenue Margin: relevance re-scored with the track's margin, {@code (1 - λ) relevance + λ margin},
 * over the {@code max(k, pool)} tracks most relevant to the request that have a margin. Margins are
 * read from the track attribute {@link CatalogNames#margin()} (FLOAT or INT) and are meant to share
 * relevance's scale, e.g. a fraction in [0, 1]; tracks without a value are left out.
 *
 * <p>A graph without the attribute is an error naming it; supply it as an attribute column of the
 * generic input format ({@code kind: float, name: margin}) or use a synthetic catalog, which carries
 * one. Reason: {@code "margin 0.80; cos 0.91 to seed track t7; 0.7 x 0.91 + 0.3 x 0.80 = 0.88"}.
 */
public final class RevenueMargin implements CandidateGenerator {
  public static final String NAME = "revenue-margin";

  private final RetrievalCatalog catalog;
  private final RevenueMarginConfig config;
  private final AttributeColumn margin;

  public RevenueMargin(RetrievalCatalog catalog, RevenueMarginConfig config) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.config = Objects.requireNonNull(config, "config");
    String name = catalog.names().margin();
    this.margin = catalog.requireTrackAttribute(name, RetrievalCatalog.numeric(), NAME,
        "add a float column '" + name + "' to tracks (generic format: attributes: [{column: ..., kind: float,"
            + " name: " + name + "}]) or use a synthetic catalog, which has one");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Candidate> generate(CandidateRequest request, int k) {
    Numbers.checkK(k);
    ResolvedRequest resolved = catalog.resolve(request);
    Neighbors pool = catalog.search(resolved.query(), Math.max(k, config.pool()), resolved.allowed(row -> {
      int node = catalog.node(row);
      return node >= 0 && margin.isPresent(node);
    }));
    double lambda = config.marginWeight();
    // Reasons are formatted for the k kept tracks only: formatting is what costs most in a pool of 500.
    record Scored(int rank, double relevance, double margin, double score) {}
    List<Scored> scored = new ArrayList<>(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      double relevance = pool.score(i);
      double m = margin.getFloat(catalog.node(pool.row(i)));
      scored.add(new Scored(i, relevance, m, (1 - lambda) * relevance + lambda * m));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparingInt(s -> pool.row(s.rank())));
    List<Candidate> best = new ArrayList<>(Math.min(k, scored.size()));
    for (Scored s : scored.subList(0, Math.min(k, scored.size()))) {
      best.add(Candidate.of(pool.row(s.rank()), pool.id(s.rank()), s.score(), new Reason(NAME, "margin "
          + Numbers.fixed2(s.margin()) + "; " + catalog.relevance(s.relevance(), resolved) + "; "
          + Numbers.compact(1 - lambda) + " x " + Numbers.fixed2(s.relevance()) + " + " + Numbers.compact(lambda)
          + " x " + Numbers.fixed2(s.margin()) + " = " + Numbers.fixed2(s.score()))));
    }
    return best;
  }
}
