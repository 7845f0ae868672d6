package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateBlender.Entry;
import dev.polyphony.retrieval.candidates.CandidateBlender.GeneratorShare;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateBlenderTest {
  private static final CandidateRequest ANY = CandidateRequest.forSeedTrack("s");

  /** Returns the first k of fixed rows, scored 1, 0.9, 0.8, ... */
  private record Fixed(String name, int... rows) implements CandidateGenerator {
    @Override
    public List<Candidate> generate(CandidateRequest request, int k) {
      List<Candidate> out = new ArrayList<>();
      for (int i = 0; i < Math.min(k, rows.length); i++) {
        out.add(Candidate.of(rows[i], "r" + rows[i], 1 - 0.1 * i, new Reason(name, name + " #" + (i + 1))));
      }
      return out;
    }
  }

  private static List<String> ids(BlendResult result) {
    return result.candidates().stream().map(Candidate::id).toList();
  }

  @Test
  void sharesBecomePlacesByLargestRemainderAndCountsAreTakenAsGiven() {
    CandidateBlender blender = new CandidateBlender(List.of(new Entry(new Fixed("a"), Quota.share(0.5)),
        new Entry(new Fixed("b"), Quota.share(0.3)), new Entry(new Fixed("c"), Quota.share(0.2))));
    assertThat(blender.places(10)).containsExactly(5, 3, 2);
    assertThat(blender.places(4)).containsExactly(2, 1, 1);  // 2.0, 1.2, 0.8: c has the larger remainder
    assertThat(blender.places(1)).containsExactly(1, 0, 0);
    CandidateBlender counts = new CandidateBlender(List.of(new Entry(new Fixed("a"), Quota.count(3)),
        new Entry(new Fixed("b"), Quota.share(0.5)), new Entry(new Fixed("c"), Quota.count(4))));
    assertThat(counts.places(6)).containsExactly(3, 3, 0);  // 3 + 3 + 4 > 6: the lowest priority gives way
  }

  @Test
  void duplicatesKeepTheUnionOfReasonsAndUnusedPlacesPassOnInPriorityOrder() {
    CandidateBlender blender = new CandidateBlender(List.of(
        new Entry(new Fixed("a", 1, 2, 3, 4, 5, 6), Quota.share(0.5)),
        new Entry(new Fixed("b", 2, 7, 8), Quota.share(0.3)),
        new Entry(new Fixed("c", 9), Quota.share(0.2))));
    BlendResult result = blender.blend(ANY, 10);
    // a places 1-5; b skips 2 and places 7, 8 (one place left over); c places 9 (two left over);
    // the second round gives a its 6th. Spread: a at (j + 0.5) / 6, b at (j + 0.5) / 2, c at 0.5.
    assertThat(ids(result)).containsExactly("r1", "r2", "r7", "r3", "r9", "r4", "r5", "r8", "r6");
    Candidate two = result.candidates().get(1);
    assertThat(two.reasons()).containsExactly(new Reason("a", "a #2"), new Reason("b", "b #1"));
    assertThat(two.generator()).isEqualTo("a");
    assertThat(result.shares()).containsExactly(
        new GeneratorShare("a", 5, 6, 6, 6 / 9.0, 6),
        new GeneratorShare("b", 3, 3, 2, 2 / 9.0, 3),
        new GeneratorShare("c", 2, 1, 1, 1 / 9.0, 1));
  }

  @Test
  void aFullListNeverTakesMoreThanK() {
    CandidateBlender blender = new CandidateBlender(List.of(new Entry(new Fixed("a", 1, 2, 3), Quota.count(2)),
        new Entry(new Fixed("b", 4, 5, 6), Quota.count(2))));
    BlendResult result = blender.blend(ANY, 3);
    assertThat(blender.places(3)).containsExactly(2, 1);
    assertThat(ids(result)).containsExactly("r1", "r4", "r2");
  }

  @Test
  void blendsTheTinyCatalogsSimilarAndFreshTracks() {
    RetrievalCatalog catalog = TinyCatalog.catalog();
    CandidateBlender blender = new CandidateBlender(List.of(
        new Entry(new SimilarTracks(catalog), Quota.share(0.5)),
        new Entry(new FreshContent(catalog, FreshContentConfig.defaults()), Quota.share(0.5))));
    BlendResult result = blender.blend(CandidateRequest.forSeedTrack("t0"), 4);
    // similar: t1 t2 t3 t6; fresh: t2 t3 t6 t5. similar places t1, t2; fresh skips t2, places t3, t6.
    assertThat(ids(result)).containsExactly("t1", "t3", "t2", "t6");
    assertThat(result.candidates().get(2).reasons()).extracting(Reason::generator).containsExactly("similar", "fresh");
    assertThat(result.candidates().get(1).reasons()).extracting(Reason::toString).containsExactly(
        "fresh: released 2020-01-14, within 30 days of 2020-01-15; cos 0.60 to seed track t0",
        "similar: similar to seed track t0 (cos 0.60)");
    assertThat(result.shares()).extracting(GeneratorShare::placed).containsExactly(2, 2);
    assertThat(result.shares()).extracting(GeneratorShare::supported).containsExactly(4, 3);
  }

  @Test
  void sameInputsGiveTheSameList() {
    RetrievalCatalog catalog = TinyCatalog.catalog();
    CandidateBlender blender = new CandidateBlender(List.of(
        new Entry(new TailCreator(catalog, TailCreatorConfig.defaults().withPercentile(30)), Quota.count(2)),
        new Entry(new RevenueMargin(catalog, RevenueMarginConfig.defaults()), Quota.share(0.5))));
    CandidateRequest request = new CandidateRequest("t0", "p0", java.util.Set.of());
    assertThat(blender.blend(request, 5)).isEqualTo(blender.blend(request, 5));
  }

  @Test
  void rejectsBadQuotasAndDuplicateGenerators() {
    assertThatThrownBy(() -> Quota.share(1.5)).hasMessage("share must be in [0, 1] (got 1.5)");
    assertThatThrownBy(() -> Quota.count(-2)).hasMessage("count must be >= 0 (got -2)");
    assertThatThrownBy(() -> new CandidateBlender(List.of(new Entry(new Fixed("a"), Quota.share(0.7)),
        new Entry(new Fixed("b"), Quota.share(0.4))))).hasMessageStartingWith("shares must sum to at most 1");
    assertThatThrownBy(() -> new CandidateBlender(List.of(new Entry(new Fixed("a"), Quota.share(0.5)),
        new Entry(new Fixed("a"), Quota.share(0.5))))).hasMessage("generator 'a' is listed twice");
    assertThatThrownBy(() -> new CandidateBlender(List.of())).hasMessage("a blender needs at least one generator");
  }
}
