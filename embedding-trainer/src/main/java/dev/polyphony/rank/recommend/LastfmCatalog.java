package dev.polyphony.rank.recommend;

import static dev.polyphony.graph.io.LastfmSchema.ARTIST;
import static dev.polyphony.graph.io.LastfmSchema.LISTENED;
import static dev.polyphony.graph.io.LastfmSchema.USER;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.eval.TopKSelector;
import dev.polyphony.rank.data.LastfmFeatureSpace;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.Reason;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What the Last.fm candidate generators read: the HetRec graph and the {@link LastfmFeatureSpace} a ranking
 * head was trained in. Candidate rows are artist node indexes. A user's listening history plays the part a
 * playlist plays in a {@link CandidateRequest}: the request's playlist id is the user's id, and the artists
 * the user listened to (every listen, held out or not) are never proposed. Immutable.
 */
public final class LastfmCatalog {
  private final HeteroGraph graph;
  private final LastfmFeatureSpace space;

  public LastfmCatalog(HeteroGraph graph, LastfmFeatureSpace space) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.space = Objects.requireNonNull(space, "space");
    if (graph.nodeCount(USER) != space.users() || graph.nodeCount(ARTIST) != space.artists()) {
      throw new IllegalArgumentException("the feature space has " + space.users() + " users and " + space.artists()
          + " artists, the graph " + graph.nodeCount(USER) + " and " + graph.nodeCount(ARTIST));
    }
  }

  public HeteroGraph graph() {
    return graph;
  }

  public LastfmFeatureSpace space() {
    return space;
  }

  /** A request for the user with external id {@code userId}. */
  public static CandidateRequest request(String userId) {
    return CandidateRequest.forPlaylist(userId);
  }

  /**
   * The user node of {@code request}.
   *
   * @throws IllegalArgumentException when the request names no user or an unknown one
   */
  public int user(CandidateRequest request) {
    if (!request.hasPlaylist()) {
      throw new IllegalArgumentException("a Last.fm request names a user (got seed track '" + request.seedTrack()
          + "' only)");
    }
    return requireUser(graph, request.playlist());
  }

  /**
   * The node of the user with external id {@code userId} in a Last.fm graph.
   *
   * @throws IllegalArgumentException naming the id when the graph has no such user
   */
  public static int requireUser(HeteroGraph graph, String userId) {
    IdMap users = graph.ids(USER);
    int user = users.indexOf(userId);
    if (user < 0) {
      throw new IllegalArgumentException("no user '" + userId + "' in the Last.fm data (" + users.size()
          + " users; ids are the userID column of user_artists.dat)");
    }
    return user;
  }

  /** Artists never to propose to {@code user}: those the user listened to and the request's excluded ids. */
  public BitSet excluded(int user, CandidateRequest request) {
    BitSet out = new BitSet(space.artists());
    CsrAdjacency listened = graph.out(LISTENED);
    for (int e = listened.start(user); e < listened.end(user); e++) {
      out.set(listened.target(e));
    }
    IdMap artists = graph.ids(ARTIST);
    for (String id : request.exclusions()) {
      int a = artists.indexOf(id);
      if (a >= 0) {
        out.set(a);
      }
    }
    return out;
  }

  /** The external id of artist {@code artist}. */
  public String artistId(int artist) {
    return graph.ids(ARTIST).externalId(artist);
  }

  /** The artist's name, or its id when it has none. */
  public String artistName(int artist) {
    return graph.attributes(ARTIST).find(dev.polyphony.graph.io.LastfmSchema.ARTIST_NAME)
        .filter(c -> c.isPresent(artist)).map(c -> c.getString(artist)).orElse(artistId(artist));
  }

  /**
   * The {@code k} artists of {@code pool} with the highest {@code scores} (ties to the lower index), best
   * first, as candidates of generator {@code generator} scored by {@code scores}, each with the reason
   * {@code reason} writes for its artist index.
   */
  List<Candidate> topArtists(float[] scores, BitSet pool, int k, String generator, IntFunction<String> reason) {
    List<Candidate> out = new ArrayList<>();
    for (int a : new TopKSelector(k).select(scores, pool, new int[0])) {
      out.add(Candidate.of(a, artistId(a), scores[a], new Reason(generator, reason.apply(a))));
    }
    return out;
  }
}
