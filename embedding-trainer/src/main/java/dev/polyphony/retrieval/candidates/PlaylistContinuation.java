package dev.polyphony.retrieval.candidates;

import dev.polyphony.retrieval.Neighbors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tracks that continue the request's playlist: the nearest neighbours of the mean of its tracks'
 * vectors, normalised (see {@link RetrievalCatalog#resolve}), leaving out the tracks already in it.
 * Needs a playlist. Reason: {@code "continues playlist p3 (cos 0.88 to the mean of its 12 tracks)"}.
 */
public final class PlaylistContinuation implements CandidateGenerator {
  public static final String NAME = "playlist";

  private final RetrievalCatalog catalog;

  public PlaylistContinuation(RetrievalCatalog catalog) {
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
    Neighbors found = catalog.search(resolved.playlistVector(NAME), k, resolved.allowed(row -> true));
    List<Candidate> out = new ArrayList<>(found.size());
    int members = resolved.playlistTracks();
    for (int i = 0; i < found.size(); i++) {
      out.add(Candidate.of(found.row(i), found.id(i), found.score(i), new Reason(NAME, "continues playlist "
          + request.playlist() + " (" + catalog.similarityLabel() + " " + Numbers.fixed2(found.score(i))
          + " to the mean of its " + members + (members == 1 ? " track)" : " tracks)"))));
    }
    return out;
  }
}
