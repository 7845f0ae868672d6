package dev.polyphony.retrieval.candidates;

import dev.polyphony.retrieval.Neighbors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tracks most similar to the request's seed track: its nearest neighbours in the vector index, best
 * first, scored by similarity. Needs a seed track (a playlist in the request only adds exclusions).
 * Reason: {@code "similar to seed track t7 (cos 0.91)"}.
 */
public final class SimilarTracks implements CandidateGenerator {
  public static final String NAME = "similar";

  private final RetrievalCatalog catalog;

  public SimilarTracks(RetrievalCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Candidate> generate(CandidateRequest request, int k) {
    Numbers.checkK(k);
    ResolvedRequest resolved = catalog.resolve(request);
    Neighbors found = catalog.search(resolved.seedVector(NAME), k, resolved.allowed(row -> true));
    List<Candidate> out = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      out.add(Candidate.of(found.row(i), found.id(i), found.score(i), new Reason(NAME, "similar to seed track "
          + request.seedTrack() + " (" + catalog.similarityLabel() + " " + Numbers.fixed2(found.score(i)) + ")")));
    }
    return out;
  }
}
