package dev.polyphony.rank.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.rank.data.LastfmFeatureSpace;
import dev.polyphony.retrieval.candidates.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TasteArtistsTest {
  @Test
  void proposesTheBestScoredArtistsTheUserHasNotHeardWithTheirScore() {
    LastfmCatalog catalog = TinyLastfm.catalog();
    LastfmFeatureSpace space = catalog.space();
    List<Candidate> out = new TasteArtists(catalog).generate(LastfmCatalog.request("u1"), 10);

    // u1 listened to a1 and a2: the other three, best score first.
    assertThat(out).extracting(Candidate::id).containsExactlyInAnyOrder("a0", "a3", "a4");
    for (int i = 0; i < out.size(); i++) {
      Candidate c = out.get(i);
      assertThat(c.score()).isEqualTo(space.score(1, c.row()));
      if (i > 0) {
        assertThat(c.score()).isLessThanOrEqualTo(out.get(i - 1).score());
      }
      assertThat(c.reasons().get(0).explanation()).isEqualTo(String.format(java.util.Locale.ROOT,
          "taste score %.3f for user u1", c.score()));
    }
    assertThat(new TasteArtists(catalog).generate(LastfmCatalog.request("u1"), 1)).extracting(Candidate::id)
        .containsExactly(out.get(0).id());
  }
}
