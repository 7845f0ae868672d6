package dev.polyphony.rank.recommend;

import dev.polyphony.rank.data.LastfmFeatureSpace;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateGenerator;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Last.fm artists with the best low-rank score for the user (the dot product of the user's and the artist's
 * embeddings), among artists with a training listener: the retrieval stage of {@link
 * dev.polyphony.rank.data.LastfmImpressions}. Reason: {@code "taste score 0.042 for user 2"}.
 */
public final class TasteArtists implements CandidateGenerator {
  public static final String NAME = "taste";

  private final LastfmCatalog catalog;

  public TasteArtists(LastfmCatalog catalog) {
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
    float[] scores = new float[space.artists()];
    for (int a = 0; a < space.artists(); a++) {
      scores[a] = space.score(user, a);
      if (space.listeners(a) > 0 && !excluded.get(a)) {
        pool.set(a);
      }
    }
    return catalog.topArtists(scores, pool, k, NAME, a -> String.format(Locale.ROOT,
        "taste score %.3f for user %s", scores[a], request.playlist()));
  }
}
