package dev.polyphony.graph.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.graph.sample.Metapath;
import dev.polyphony.graph.sample.NeighborSampler;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.RandomWalker;
import dev.polyphony.graph.sample.SampledBlocks;
import dev.polyphony.graph.sample.WalkConfig;
import dev.polyphony.graph.sample.WalkHop;
import dev.polyphony.graph.sample.Walks;
import dev.polyphony.graph.testing.Datasets;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a trainer draws from a split's training graph never reveals a held-out edge, on the real Spotify
 * songs graph: 10,000 GraphSAGE neighbour samples (two hops, batches of playlists and of tracks) and
 * 10,000 walks of each of two kinds (the metapath {@code track <-contains- playlist -contains-> track}
 * and a node2vec walk over {@code contains} both ways) contain no held-out (playlist, track) pair, and
 * the tracks an inductive split holds out never appear along {@code contains}. The same draws on the
 * source graph do meet held-out pairs and tracks, which shows that the checks can fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeldOutEdgesNeverSampledTest {
  private static final long SEED = 20_200_121L;
  private static final String FANOUTS =
      "contains:25,by_artist:5,on_album:5;contains:10,by_artist:5,on_album:5";
  private static final int BATCHES = 10_000;
  private static final int BATCH_SIZE = 8;
  private static final int WALKS = 10_000;
  private static final int WALK_LENGTH = 20;
  /** Distinct start nodes per walker, each starting {@code WALKS / count} walks (start and index fix a walk). */
  private static final int TRACK_STARTS = 1_000;
  private static final int PLAYLIST_STARTS = 400;

  private HeteroGraph graph;
  private EdgeType contains;
  private NodeType playlist;
  private NodeType track;

  @BeforeAll
  void readGraph() throws IOException {
    graph = new SpotifySongsReader().read(Datasets.spotifySongsZip(), new RejectReport()).graph();
    contains = graph.schema().edgeType("contains");
    playlist = contains.src();
    track = contains.dst();
    assertThat(graph.nodeCount(playlist)).isEqualTo(471);
  }

  @Test
  void playlistContinuationHeldOutTracksAreNeverSampledNorWalked() {
    var r = new PlaylistContinuationSplit(graph, new PlaylistContinuationSplitConfig("contains", 5, 0.2, SEED))
        .compute();
    assertNeverExposed(r.training(), List.of(r.heldOut()), new BitSet());
  }

  @Test
  void coldTracksAreNeverSampledNorWalkedThroughContains() {
    // Not isolated: cold tracks keep their artist and album in training, so only contains must avoid them.
    var config = new ColdStartSplitConfig(track.name(), List.of("contains"), 0.1, false, SEED);
    ColdStartSplitResult r = new ColdStartSplit(graph, config).compute();
    assertNeverExposed(r.training(), r.holdOut().heldOutEdges(), r.holdOut().heldOutMask());
  }

  @Test
  void laterTracksOfTheTemporalSplitAreNeverSampledNorWalked() {
    var config = new TemporalSplitConfig(track.name(), "release_date", LocalDate.of(2019, 1, 1),
        List.of("contains"), NullDateSide.TRAINING, true);
    TemporalSplitResult r = new TemporalSplit(graph, config).compute();
    assertNeverExposed(r.training(), r.holdOut().heldOutEdges(), r.holdOut().heldOutMask());
  }

  @Test
  void validationAndTestLinksAreNeverSampledNorWalked() {
    var r = new LinkSplit(graph, new LinkSplitConfig("contains", 0.1, 0.1, true, false, 1, SEED)).compute();
    assertNeverExposed(r.training(), List.of(r.validation(), r.test()), new BitSet());
  }

  /**
   * Draws blocks and walks on {@code training} and on the source graph with the same seeds; asserts that
   * the training draws meet none of {@code heldOut} nor {@code heldOutTracks} and the source draws do.
   */
  private void assertNeverExposed(HeteroGraph training, List<EdgeList> heldOut, BitSet heldOutTracks) {
    LongOpenHashSet pairs = new LongOpenHashSet();
    for (EdgeList edges : heldOut) {
      assertThat(edges.type()).isEqualTo(contains);
      for (int i = 0; i < edges.size(); i++) {
        pairs.add(key(edges.src()[i], edges.dst()[i]));
      }
    }
    assertThat(pairs).isNotEmpty();

    Exposure trained = expose(training, pairs, heldOutTracks);
    Exposure source = expose(graph, pairs, heldOutTracks);
    for (Tally t : trained.tallies()) {
      assertThat(t.checked).as("%s: (playlist, track) pairs checked on the training graph", t.what).isPositive();
      assertThat(t.heldOutPairs).as("%s: held-out pairs on the training graph, first %s", t.what, t.firstPair)
          .isZero();
      assertThat(t.heldOutTracks).as("%s: held-out tracks along contains on the training graph, first %s",
          t.what, t.firstTrack).isZero();
    }
    for (Tally t : source.tallies()) {
      assertThat(t.heldOutPairs).as("%s: held-out pairs met on the source graph", t.what).isPositive();
      if (!heldOutTracks.isEmpty()) {
        assertThat(t.heldOutTracks).as("%s: held-out tracks met on the source graph", t.what).isPositive();
      }
    }
    assertThat(trained.walkSteps()).isEqualTo(trained.metapath.checked + trained.node2vec.checked);
    assertThat(trained.blocks.samples).isEqualTo(BATCHES);
  }

  /** The sampled blocks and walks drawn on {@code g}, checked against the held-out pairs and tracks. */
  private Exposure expose(HeteroGraph g, LongOpenHashSet pairs, BitSet heldOutTracks) {
    SplittableRandom random = new SplittableRandom(SEED);
    int[] seedTracks = tracksWhere(t -> !heldOutTracks.get(t));
    int[] walkTracks = tracksWhere(t -> !heldOutTracks.get(t) && graph.in(contains).degree(t) > 0);
    Shuffle.partial(walkTracks, walkTracks.length, TRACK_STARTS, random);
    int[] playlists = new int[graph.nodeCount(playlist)];
    Arrays.setAll(playlists, p -> p);
    Shuffle.partial(playlists, playlists.length, PLAYLIST_STARTS, random);

    Tally blocks = new Tally("sampled blocks", pairs, heldOutTracks);
    NeighborSampler sampler = new NeighborSampler(g, NeighborSamplerConfig.of(FANOUTS, SEED));
    for (int b = 0; b < BATCHES; b++) {
      boolean playlistSeeds = b % 2 == 0;
      int[] seeds = new int[BATCH_SIZE];
      for (int i = 0; i < BATCH_SIZE; i++) {
        seeds[i] = playlistSeeds ? random.nextInt(playlists.length)
            : seedTracks[random.nextInt(seedTracks.length)];
      }
      checkContainsEdges(sampler.sample(playlistSeeds ? playlist : track, seeds, b), blocks);
    }

    Tally metapath = new Tally("metapath walks", pairs, heldOutTracks);
    RandomWalker byPlaylists = RandomWalker.metapath(g,
        Metapath.parse(g.schema(), "track <-contains- playlist -contains-> track"));
    Walks metapathWalks = byPlaylists.walk(Arrays.copyOf(walkTracks, TRACK_STARTS),
        WalkConfig.uniform(WALK_LENGTH, WALKS / TRACK_STARTS, SEED));
    checkSteps(metapathWalks, metapath);

    Tally node2vec = new Tally("node2vec walks", pairs, heldOutTracks);
    RandomWalker overContains =
        RandomWalker.uniform(g, playlist, List.of(WalkHop.out(contains), WalkHop.in(contains)));
    Walks node2vecWalks = overContains.walk(Arrays.copyOf(playlists, PLAYLIST_STARTS),
        WalkConfig.uniform(WALK_LENGTH, WALKS / PLAYLIST_STARTS, SEED).withBias(4, 0.5));
    checkSteps(node2vecWalks, node2vec);

    assertThat(metapathWalks.walkCount()).isEqualTo(WALKS);
    assertThat(node2vecWalks.walkCount()).isEqualTo(WALKS);
    return new Exposure(blocks, metapath, node2vec, metapathWalks.stepCount() + node2vecWalks.stepCount());
  }

  /** Tallies every sampled edge of {@code contains}, whichever way it was traversed. */
  private void checkContainsEdges(SampledBlocks sampled, Tally tally) {
    tally.samples++;
    for (int hop = 1; hop <= sampled.hops(); hop++) {
      for (SampledBlocks.Block b : sampled.blocks(hop)) {
        if (!b.edgeType().equals(contains)) {
          continue;
        }
        boolean fromPlaylist = b.dstType().equals(playlist);
        for (int e = 0; e < b.edgeCount(); e++) {
          int dst = sampled.globalId(b.dstType(), b.dst(e));
          int src = sampled.globalId(b.srcType(), b.src(e));
          tally.check(fromPlaylist ? dst : src, fromPlaylist ? src : dst);
        }
      }
    }
  }

  /** Tallies every step between a playlist and a track; the walks here take no other step. */
  private void checkSteps(Walks walks, Tally tally) {
    int p = graph.schema().indexOf(playlist);
    int t = graph.schema().indexOf(track);
    for (int w = 0; w < walks.walkCount(); w++) {
      tally.samples++;
      for (int i = 0; i + 1 < walks.length(w); i++) {
        int a = walks.typeIndex(w, i);
        int b = walks.typeIndex(w, i + 1);
        if (a == p && b == t) {
          tally.check(walks.node(w, i), walks.node(w, i + 1));
        } else if (a == t && b == p) {
          tally.check(walks.node(w, i + 1), walks.node(w, i));
        }
      }
    }
  }

  private int[] tracksWhere(IntPredicate keep) {
    IntArrayList kept = new IntArrayList();
    for (int t = 0; t < graph.nodeCount(track); t++) {
      if (keep.test(t)) {
        kept.add(t);
      }
    }
    return kept.toIntArray();
  }

  private static long key(int playlist, int track) {
    return ((long) playlist << 32) | track;
  }

  private record Exposure(Tally blocks, Tally metapath, Tally node2vec, long walkSteps) {
    List<Tally> tallies() {
      return List.of(blocks, metapath, node2vec);
    }
  }

  /** Counts (playlist, track) pairs seen in one kind of draw, and how many were held out. */
  private static final class Tally {
    final String what;
    final LongOpenHashSet pairs;
    final BitSet heldOutTrackSet;
    long samples;
    long checked;
    long heldOutPairs;
    long heldOutTracks;
    String firstPair;
    String firstTrack;

    Tally(String what, LongOpenHashSet pairs, BitSet heldOutTrackSet) {
      this.what = what;
      this.pairs = pairs;
      this.heldOutTrackSet = heldOutTrackSet;
    }

    void check(int playlist, int track) {
      checked++;
      if (pairs.contains(key(playlist, track))) {
        heldOutPairs++;
        firstPair = firstPair == null ? playlist + " -> " + track : firstPair;
      }
      if (heldOutTrackSet.get(track)) {
        heldOutTracks++;
        firstTrack = firstTrack == null ? String.valueOf(track) : firstTrack;
      }
    }
  }
}
