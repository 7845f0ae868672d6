package dev.polyphony.rank.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopularArtistsTest {
  @Test
  void proposesTheArtistsWithTheMostTrainingListenersTheUserHasNotHeard() {
    List<Candidate> out = new PopularArtists(TinyLastfm.catalog()).generate(LastfmCatalog.request("u0"), 3);
    // a2 has 3 listeners, the rest 1 each (ties to the lower index); u0's own a0 is left out.
    assertThat(out).extracting(Candidate::id).containsExactly("a2", "a1", "a3");
    assertThat(out.get(0).reasons()).containsExactly(new Reason("popular", "3 listeners"));
    assertThat(out.get(1).reasons()).containsExactly(new Reason("popular", "1 listener"));
  }
}
