package dev.polyphony.retrieval.candidates;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.retrieval.Neighbors;
import java.util.ArrayList;
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
    List<Candidate> scored = new ArrayList<>(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      double relevance = pool.score(i);
      double m = margin.getFloat(catalog.node(pool.row(i)));
      double score = (1 - lambda) * relevance + lambda * m;
      scored.add(Candidate.of(pool.row(i), pool.id(i), score, new Reason(NAME, "margin " + Numbers.fixed2(m)
          + "; " + catalog.relevance(relevance, resolved) + "; " + Numbers.compact(1 - lambda) + " x "
          + Numbers.fixed2(relevance) + " + " + Numbers.compact(lambda) + " x " + Numbers.fixed2(m) + " = "
          + Numbers.fixed2(score))));
    }
    return Numbers.best(scored, k);
  }
}
