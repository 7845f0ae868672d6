package dev.polyphony.graph.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.graph.testing.Datasets;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every split on the real Spotify songs graph (playlist -contains-> track, track -by_artist-> artist,
 * track -on_album-> album, playlist genre, track release_date): held-out edges never reach the training
 * graph, cold tracks keep their artist and album for inference, and derived labels see training edges
 * only (recomputed here independently of {@link PlaylistDerivedLabels}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitLeakageOnSpotifySongsTest {
  private static final long SEED = 20_200_121L;

  private HeteroGraph graph;
  private EdgeType contains;
  private EdgeType byArtist;
  private EdgeType onAlbum;
  private NodeType track;

  @BeforeAll
  void readGraph() throws IOException {
    graph = new SpotifySongsReader().read(Datasets.spotifySongsZip(), new RejectReport()).graph();
    contains = graph.schema().edgeType("contains");
    byArtist = graph.schema().edgeType("by_artist");
    onAlbum = graph.schema().edgeType("on_album");
    track = contains.dst();
    assertThat(graph.nodeCount(track)).isEqualTo(28_356);
    assertThat(graph.nodeCount(contains.src())).isEqualTo(471);
  }

  @Test
  void playlistContinuationHoldsOutEdgesTheTrainingGraphLacks() {
    var config = new PlaylistContinuationSplitConfig("contains", 5, 0.2, SEED);
    PlaylistContinuationSplitResult r = new PlaylistContinuationSplit(graph, config).compute();

    CsrAdjacency source = graph.out(contains);
    int eligible = 0;
    int expectedHeldOut = 0;
    for (int p = 0; p < source.rowCount(); p++) {
      int d = source.degree(p);
      if (d >= 5) {
        eligible++;
        expectedHeldOut += (int) Math.max(1, Math.min(d - 1, Math.round(0.2 * d)));
        assertThat(r.training().out(contains).degree(p)).as("playlist %d keeps a track", p).isPositive();
      } else {
        assertThat(r.training().out(contains).degree(p)).isEqualTo(d);
      }
    }
    assertThat(r.playlistCount()).isEqualTo(eligible);
    assertThat(r.heldOutCount()).isEqualTo(expectedHeldOut);
    LeakageAssertions.assertAbsent(r.training(), r.heldOut());
    LeakageAssertions.assertSourceMinus(graph, r.training(), r.heldOut());
    LeakageAssertions.assertNodesUnchanged(graph, r.training());
    assertThat(r.training().out(byArtist)).isSameAs(graph.out(byArtist));
    assertThat(r.training().out(onAlbum)).isSameAs(graph.out(onAlbum));
    assertThat(new PlaylistContinuationSplit(graph, config).compute()).isEqualTo(r);

    assertLabelsFromTrainingOnly(r.training());
  }

  @Test
  void coldTracksHaveNoTrainingPlaylistsButKeepArtistAndAlbum() {
    for (boolean isolate : new boolean[] {false, true}) {
      var config = new ColdStartSplitConfig(track.name(), List.of("contains"), 0.1, isolate, SEED);
      ColdStartSplitResult r = new ColdStartSplit(graph, config).compute();

      int inPlaylists = 0;
      for (int t = 0; t < graph.nodeCount(track); t++) {
        inPlaylists += graph.in(contains).degree(t) > 0 ? 1 : 0;
      }
      assertThat(r.eligibleNodes()).isEqualTo(inPlaylists);
      assertThat(r.coldNodes()).hasSize((int) Math.round(0.1 * inPlaylists)).isSorted();
      EdgeList targets = r.holdOut().heldOutEdges(contains);
      int expectedTargets = 0;
      for (int t : r.coldNodes()) {
        expectedTargets += graph.in(contains).degree(t);
        assertThat(r.training().in(contains).degree(t)).isZero();
        assertThat(r.inference().in(contains).degree(t)).isZero();
        assertThat(r.inference().out(byArtist).neighbors(t)).containsExactly(graph.out(byArtist).neighbors(t));
        assertThat(r.inference().out(onAlbum).neighbors(t)).containsExactly(graph.out(onAlbum).neighbors(t));
        if (isolate) {
          assertThat(r.training().out(byArtist).degree(t)).isZero();
          assertThat(r.training().out(onAlbum).degree(t)).isZero();
        } else {
          assertThat(r.training().out(byArtist).neighbors(t)).containsExactly(graph.out(byArtist).neighbors(t));
          assertThat(r.training().out(onAlbum).neighbors(t)).containsExactly(graph.out(onAlbum).neighbors(t));
        }
      }
      assertThat(targets.size()).isEqualTo(expectedTargets);
      LeakageAssertions.assertAbsent(r.training(), targets);
      LeakageAssertions.assertAbsent(r.inference(), targets);
      LeakageAssertions.assertSourceMinus(graph, r.inference(), targets);
      assertThat(r.inference().out(byArtist)).isSameAs(graph.out(byArtist));
      assertThat(r.holdOut().heldOutMask().cardinality()).isEqualTo(r.coldNodes().length);
      assertThat(new ColdStartSplit(graph, config).compute()).isEqualTo(r);

      PlaylistDerivedLabelsResult labels = assertLabelsFromTrainingOnly(r.training());
      for (int t : r.coldNodes()) {
        assertThat(labels.isLabelled(t)).as("cold track %d has no training label", t).isFalse();
      }
    }
  }

  @Test
  void laterTracksAreHeldOutAndEarlierOnesTrain() {
    LocalDate cutoff = LocalDate.of(2019, 1, 1);
    for (NullDateSide side : NullDateSide.values()) {
      var config = new TemporalSplitConfig(track.name(), "release_date", cutoff, List.of("contains"), side, true);
      TemporalSplitResult r = new TemporalSplit(graph, config).compute();

      AttributeColumn dates = graph.attributes(track).column("release_date");
      int nulls = 0;
      int later = 0;
      for (int t = 0; t < graph.nodeCount(track); t++) {
        boolean heldOut = r.holdOut().isHeldOut(t);
        if (dates.isNull(t)) {
          nulls++;
          assertThat(heldOut).isEqualTo(side == NullDateSide.HELD_OUT);
        } else {
          boolean isLater = !dates.getDate(t).isBefore(cutoff);
          later += isLater ? 1 : 0;
          assertThat(heldOut).as("track %d dated %s", t, dates.getDate(t)).isEqualTo(isLater);
        }
        if (heldOut) {
          assertThat(r.training().in(contains).degree(t)).isZero();
          assertThat(r.inference().in(contains).degree(t)).isZero();
          assertThat(r.training().out(byArtist).degree(t)).isZero();
          assertThat(r.inference().out(byArtist).neighbors(t)).containsExactly(graph.out(byArtist).neighbors(t));
          assertThat(r.inference().out(onAlbum).neighbors(t)).containsExactly(graph.out(onAlbum).neighbors(t));
        } else {
          assertThat(r.training().in(contains).neighbors(t)).containsExactly(graph.in(contains).neighbors(t));
        }
      }
      assertThat(later).isPositive();
      assertThat(r.nullDateNodes()).isEqualTo(nulls);
      assertThat(r.heldOutNodes()).hasSize(later + (side == NullDateSide.HELD_OUT ? nulls : 0));
      assertThat(r.trainingNodes()).isEqualTo(graph.nodeCount(track) - r.heldOutNodes().length);
      EdgeList targets = r.holdOut().heldOutEdges(contains);
      LeakageAssertions.assertAbsent(r.training(), targets);
      LeakageAssertions.assertAbsent(r.inference(), targets);
      LeakageAssertions.assertSourceMinus(graph, r.inference(), targets);

      PlaylistDerivedLabelsResult labels = assertLabelsFromTrainingOnly(r.training());
      for (int t : r.heldOutNodes()) {
        assertThat(labels.isLabelled(t)).isFalse();
      }
    }
  }

  @Test
  void linkSplitKeepsValidationAndTestOutOfTraining() {
    var config = new LinkSplitConfig("contains", 0.1, 0.1, true, false, 1, SEED);
    LinkSplitResult r = new LinkSplit(graph, config).compute();

    int m = graph.edgeCount(contains);
    assertThat(r.links()).isEqualTo(m);
    assertThat(r.validation().size()).isEqualTo((int) Math.round(0.1 * m));
    assertThat(r.test().size()).isEqualTo((int) Math.round(0.1 * m));
    for (EdgeList heldOut : List.of(r.validation(), r.test())) {
      LeakageAssertions.assertAbsent(r.training(), heldOut);
    }
    LeakageAssertions.assertSourceMinus(graph, r.training(), union(r.validation(), r.test()));
    for (int p = 0; p < graph.out(contains).rowCount(); p++) {
      if (graph.out(contains).degree(p) > 0) {
        assertThat(r.training().out(contains).degree(p)).as("playlist %d keeps an edge", p).isPositive();
      }
    }
    for (EdgeList negatives : List.of(r.validationNegatives(), r.testNegatives())) {
      for (int i = 0; i < negatives.size(); i++) {
        assertThat(graph.out(contains).contains(negatives.src()[i], negatives.dst()[i])).isFalse();
      }
    }
    assertThat(r.validationNegatives().size()).isEqualTo(r.validation().size());
    assertThat(new LinkSplit(graph, config).compute()).isEqualTo(r);

    assertLabelsFromTrainingOnly(r.training());
  }

  /**
   * Derives genre labels from {@code training} and checks them against a plain recomputation over the
   * training graph's contains edges: majority genre, ties to the first genre as text, none without a
   * genre-carrying training playlist.
   */
  private PlaylistDerivedLabelsResult assertLabelsFromTrainingOnly(HeteroGraph training) {
    PlaylistDerivedLabelsResult labels =
        new PlaylistDerivedLabels(training, new PlaylistDerivedLabelsConfig("contains", "genre")).compute();
    AttributeColumn genre = training.attributes(contains.src()).column("genre");
    CsrAdjacency in = training.in(contains);
    int labelled = 0;
    for (int t = 0; t < in.rowCount(); t++) {
      Map<String, Integer> votes = new HashMap<>();
      for (int q = in.start(t); q < in.end(t); q++) {
        String g = genre.getString(in.target(q));
        if (g != null) {
          votes.merge(g, 1, Integer::sum);
        }
      }
      String expected = null;
      for (Map.Entry<String, Integer> e : votes.entrySet()) {
        if (expected == null || e.getValue() > votes.get(expected)
            || (e.getValue().equals(votes.get(expected)) && e.getKey().compareTo(expected) < 0)) {
          expected = e.getKey();
        }
      }
      labelled += expected == null ? 0 : 1;
      assertThat(labels.label(t)).as("genre label of track %d", t).isEqualTo(expected);
    }
    assertThat(labels.labelledCount()).isEqualTo(labelled);
    return labels;
  }

  private static EdgeList union(EdgeList a, EdgeList b) {
    int n = a.size() + b.size();
    int[] src = new int[n];
    int[] dst = new int[n];
    System.arraycopy(a.src(), 0, src, 0, a.size());
    System.arraycopy(b.src(), 0, src, a.size(), b.size());
    System.arraycopy(a.dst(), 0, dst, 0, a.size());
    System.arraycopy(b.dst(), 0, dst, a.size(), b.size());
    return EdgeList.of(a.type(), src, dst);
  }
}
