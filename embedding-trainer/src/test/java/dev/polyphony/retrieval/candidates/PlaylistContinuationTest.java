package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistContinuationTest {
  private final PlaylistContinuation continuation = new PlaylistContinuation(TinyCatalog.catalog());

  @Test
  void ranksByTheNormalisedMeanOfThePlaylistAndSkipsItsTracks() {
    List<Candidate> found = continuation.generate(CandidateRequest.forPlaylist("p0"), 3);
    assertThat(found).extracting(Candidate::id).containsExactly("t2", "t3", "t6");
    // mean of (1, 0) and (0.96, 0.28) is (0.98, 0.14), unit (0.989949, 0.141421)
    assertThat(found.get(0).score()).isCloseTo(0.8 * 0.989949 + 0.6 * 0.141421, within(1e-5));
    assertThat(found.get(2).score()).isCloseTo(0.28 * 0.989949 + 0.96 * 0.141421, within(1e-5));
    assertThat(found.get(0).reasons()).containsExactly(
        new Reason("playlist", "continues playlist p0 (cos 0.88 to the mean of its 2 tracks)"));
  }

  @Test
  void failsClearlyForUnknownOrUnembeddedPlaylists() {
    assertThatThrownBy(() -> continuation.generate(CandidateRequest.forPlaylist("p9"), 3))
        .hasMessage("no playlist 'p9' in the graph");
    assertThatThrownBy(() -> continuation.generate(CandidateRequest.forPlaylist("p1"), 3))
        .hasMessage("playlist 'p1' has 1 tracks, none with an embedding");
    assertThatThrownBy(() -> continuation.generate(CandidateRequest.forSeedTrack("t0"), 3))
        .hasMessage("playlist needs a playlist (the request names seed track 't0' only)");
  }
}
