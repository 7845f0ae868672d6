package dev.polyphony.rank.recommend;

import dev.polyphony.rank.data.LastfmFeatureSpace;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateGenerator;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The Last.fm artists with the most training listeners that the user has not listened to: the popularity
 * side of the impressions' exploration draws. Candidate score: the listener count. Reason:
 * {@code "611 listeners"}.
 */
public final class PopularArtists implements CandidateGenerator {
  public static final String NAME = "popular";

  private final LastfmCatalog catalog;

  public PopularArtists(LastfmCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Candidate> generate(CandidateRequest request, int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    int user = catalog.user(request);
    LastfmFeatureSpace space = catalog.space();
    BitSet excluded = catalog.excluded(user, request);
    BitSet pool = new BitSet(space.artists());
    float[] listeners = new float[space.artists()];
    for (int a = 0; a < space.artists(); a++) {
      listeners[a] = space.listeners(a);
      if (listeners[a] > 0 && !excluded.get(a)) {
        pool.set(a);
      }
    }
    return catalog.topArtists(listeners, pool, k, NAME,
        a -> space.listeners(a) + (space.listeners(a) == 1 ? " listener" : " listeners"));
  }
}
