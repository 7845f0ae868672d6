package dev.polyphony.retrieval.candidates;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.retrieval.Neighbors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Fresh Content: tracks released within the last {@code windowDays} days up to the reference date
 * (both ends included: release day in {@code (reference - windowDays, reference]}), ranked by
 * relevance to the request with a filtered search of the vector index. A track embedded inductively,
 * after the model was trained, is a row like any other, so new releases are found the day they are
 * embedded. Tracks without a release date (or missing from the graph) are never fresh.
 *
 * <p>The reference date defaults to the latest release date in the catalog, so a snapshot gives the
 * same answer whenever it is read. Reason: {@code "released 2020-01-10, within 30 days of 2020-01-15;
 * cos 0.91 to seed track t7"}.
 */
public final class FreshContent implements CandidateGenerator {
  public static final String NAME = "fresh";

  private final RetrievalCatalog catalog;
  private final FreshContentConfig config;
  private final AttributeColumn released;
  private final LocalDate reference;
  private final BitSet fresh;

  public FreshContent(RetrievalCatalog catalog, FreshContentConfig config) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.config = Objects.requireNonNull(config, "config");
    this.released = catalog.requireTrackAttribute(catalog.names().releaseDate(), EnumSet.of(AttributeKind.DATE),
        NAME, "give tracks a date attribute '" + catalog.names().releaseDate() + "'");
    this.reference = config.referenceDate() != null
        ? config.referenceDate()
        : RetrievalCatalog.latestDate(released, NAME);
    long last = reference.toEpochDay();
    long first = last - config.windowDays() + 1;
    this.fresh = new BitSet(catalog.size());
    for (int row = 0; row < catalog.size(); row++) {
      int node = catalog.node(row);
      if (node >= 0 && released.isPresent(node)) {
        long day = released.getEpochDay(node);
        if (day >= first && day <= last) {
          fresh.set(row);
        }
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The last day of the release window. */
  public LocalDate referenceDate() {
    return reference;
  }

  /** Number of rows released within the window. */
  public int freshCount() {
    return fresh.cardinality();
  }

  /** Whether the track at {@code row} was released within the window. */
  public boolean isFresh(int row) {
    Objects.checkIndex(row, catalog.size());
    return fresh.get(row);
  }

  @Override
  public List<Candidate> generate(CandidateRequest request, int k) {
    Numbers.checkK(k);
    ResolvedRequest resolved = catalog.resolve(request);
    Neighbors found = catalog.search(resolved.query(), k, resolved.allowed(fresh::get));
    List<Candidate> out = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      int row = found.row(i);
      out.add(Candidate.of(row, found.id(i), found.score(i), new Reason(NAME, "released "
          + released.getDate(catalog.node(row)) + ", within " + config.windowDays() + " days of " + reference
          + "; " + catalog.relevance(found.score(i), resolved))));
    }
    return out;
  }
}
