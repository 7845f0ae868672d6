package dev.polyphony.rank.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.Reason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FriendsArtistsTest {
  private final FriendsArtists friends = new FriendsArtists(TinyLastfm.catalog());

  @Test
  void proposesTheFriendsArtistsByHowManyFriendsListen() {
    List<Candidate> out = friends.generate(LastfmCatalog.request("u0"), 10);
    // u1 and u2 both listen to a2; a1 and a3 one friend each, ties to the lower index.
    assertThat(out).extracting(Candidate::id).containsExactly("a2", "a1", "a3");
    assertThat(out).extracting(Candidate::score).containsExactly(2.0, 1.0, 1.0);
    assertThat(out.get(0).reasons()).containsExactly(new Reason("friends", "listened to by 2 of user u0's 2 friends"));
  }

  @Test
  void leavesOutTheUsersOwnAndExcludedArtists() {
    // u1's only friend u0 listens to a0 alone; u1's own a1, a2 never come back.
    assertThat(friends.generate(LastfmCatalog.request("u1"), 10)).extracting(Candidate::id).containsExactly("a0");
    var request = new dev.polyphony.retrieval.candidates.CandidateRequest(null, "u0", Set.of("a2"));
    assertThat(friends.generate(request, 10)).extracting(Candidate::id).containsExactly("a1", "a3");
    assertThat(friends.generate(LastfmCatalog.request("u3"), 10)).isEmpty();
  }

  @Test
  void anUnknownUserIsAnErrorNamingIt() {
    assertThatThrownBy(() -> friends.generate(LastfmCatalog.request("u9"), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no user 'u9' in the Last.fm data (4 users;");
  }
}
