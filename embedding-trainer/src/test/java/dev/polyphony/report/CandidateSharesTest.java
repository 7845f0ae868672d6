package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateBlender.GeneratorShare;
import dev.polyphony.retrieval.candidates.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateSharesTest {
  private static Candidate candidate(int row, String... generators) {
    return new Candidate(row, "t" + row, 1.0, java.util.Arrays.stream(generators)
        .map(g -> new Reason(g, "because of " + g)).toList());
  }

  @Test
  void countsPlacingAndSupportingGeneratorsOverLists() {
    List<Candidate> first = List.of(candidate(1, "similar"), candidate(2, "similar", "fresh"),
        candidate(3, "fresh"), candidate(4, "tail", "similar", "fresh"));
    List<Candidate> second = List.of(candidate(1, "similar", "similar"), candidate(5, "tail"));

    CandidateShares shares = CandidateShares.fromLists(List.of(first, second));

    // Placed: similar 3, fresh 1, tail 2; supported: similar 4 (two reasons of one candidate count once),
    // fresh 3, tail 2. Ordered by placed count, largest first.
    assertThat(shares.placed()).containsExactly(Map.entry("similar", 3), Map.entry("tail", 2),
        Map.entry("fresh", 1));
    assertThat(shares.supported()).containsExactly(Map.entry("similar", 4), Map.entry("tail", 2),
        Map.entry("fresh", 3));
    assertThat(shares.total()).isEqualTo(6);
    assertThat(shares.share("similar")).isEqualTo(0.5);
    assertThat(shares.share("fresh")).isEqualTo(1.0 / 6);
    assertThat(shares.share("unknown")).isZero();
  }

  @Test
  void sumsBlendReportsKeepingGeneratorsThatPlacedNothing() {
    BlendResult a = new BlendResult(List.of(), List.of(new GeneratorShare("similar", 5, 10, 6, 0.6, 7),
        new GeneratorShare("margin", 5, 0, 0, 0, 0), new GeneratorShare("fresh", 0, 4, 4, 0.4, 4)));
    BlendResult b = new BlendResult(List.of(), List.of(new GeneratorShare("similar", 5, 10, 5, 0.5, 5),
        new GeneratorShare("margin", 5, 2, 2, 0.2, 3), new GeneratorShare("fresh", 0, 3, 3, 0.3, 3)));

    CandidateShares shares = CandidateShares.fromBlends(List.of(a, b));

    assertThat(shares.placed()).containsExactly(Map.entry("similar", 11), Map.entry("fresh", 7),
        Map.entry("margin", 2));
    assertThat(shares.supported()).containsExactly(Map.entry("similar", 12), Map.entry("fresh", 7),
        Map.entry("margin", 3));
  }

  @Test
  void placedCountsAloneAreOrderedByCountThenName() {
    CandidateShares shares = CandidateShares.ofPlaced(Map.of("b", 2, "a", 2, "c", 5, "d", 0));
    assertThat(shares.placed()).containsExactly(Map.entry("c", 5), Map.entry("a", 2), Map.entry("b", 2),
        Map.entry("d", 0));
    assertThat(shares.supported()).isEmpty();
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> CandidateShares.ofPlaced(Map.of("a", -1)))
        .hasMessage("placed count of 'a' must be >= 0 (got -1)");
    assertThatThrownBy(() -> new CandidateShares(Map.of("a", 3), Map.of("a", 2)))
        .hasMessage("generator 'a' supports 2 candidates but placed 3");
  }
}
