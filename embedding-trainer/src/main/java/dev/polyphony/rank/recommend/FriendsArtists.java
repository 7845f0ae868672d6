package dev.polyphony.rank.recommend;

import static dev.polyphony.graph.io.LastfmSchema.FRIEND;
import static dev.polyphony.graph.io.LastfmSchema.LISTENED;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateGenerator;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Last.fm artists the user's friends listen to, by the number of friends who do (ties to the lower artist
 * index), leaving out the user's own artists. Candidate score: that number. Reason:
 * {@code "listened to by 3 of user 2's 7 friends"}.
 */
public final class FriendsArtists implements CandidateGenerator {
  public static final String NAME = "friends";

  private final LastfmCatalog catalog;

  public FriendsArtists(LastfmCatalog catalog) {
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
    BitSet excluded = catalog.excluded(user, request);
    CsrAdjacency friends = catalog.graph().out(FRIEND);
    CsrAdjacency listened = catalog.graph().out(LISTENED);
    float[] counts = new float[catalog.space().artists()];
    BitSet pool = new BitSet(counts.length);
    for (int f = friends.start(user); f < friends.end(user); f++) {
      int friend = friends.target(f);
      for (int e = listened.start(friend); e < listened.end(friend); e++) {
        int a = listened.target(e);
        if (!excluded.get(a)) {
          counts[a]++;
          pool.set(a);
        }
      }
    }
    int friendCount = friends.degree(user);
    return catalog.topArtists(counts, pool, k, NAME, a -> "listened to by " + (int) counts[a] + " of user "
        + request.playlist() + "'s " + friendCount + (friendCount == 1 ? " friend" : " friends"));
  }
}
