package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Direction;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting;
import dev.polyphony.graph.sample.SampledBlocks.Block;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NeighborSamplerTest {
  private final GraphSchema.Builder sb = GraphSchema.builder();
  private final NodeType playlist = sb.node("playlist");
  private final NodeType track = sb.node("track");
  private final NodeType artist = sb.node("artist");
  private final EdgeType contains = sb.edge(playlist, "contains", track);
  private final EdgeType byArtist = sb.edge(track, "by_artist", artist);
  private final GraphSchema schema = sb.build();

  /**
   * p0 -> t0, t1, t2; p1 -> t1, t3; t0, t1 -> a0; t2 -> a1; t4 is isolated.
   */
  private HeteroGraph catalog() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    for (int i = 0; i < 2; i++) {
      b.addNode(playlist, "p" + i);
      b.addNode(artist, "a" + i);
    }
    for (int i = 0; i < 5; i++) {
      b.addNode(track, "t" + i);
    }
    b.addEdge(contains, 0, 0).addEdge(contains, 0, 1).addEdge(contains, 0, 2)
        .addEdge(contains, 1, 1).addEdge(contains, 1, 3);
    b.addEdge(byArtist, 0, 0).addEdge(byArtist, 1, 0).addEdge(byArtist, 2, 1);
    return b.build();
  }

  @Test
  void seedsComeFirstAndFanoutAboveDegreeTakesEveryNeighbourInRowOrder() {
    NeighborSampler sampler = new NeighborSampler(catalog(),
        NeighborSamplerConfig.of("contains:5,by_artist:5;contains:5", 1));

    SampledBlocks out = sampler.sample(track, new int[] {1, 0}, 7);

    assertThat(out.hops()).isEqualTo(2);
    assertThat(out.seedCount()).isEqualTo(2);
    assertThat(out.globalIds(track)).containsExactly(1, 0, 2, 3);
    assertThat(out.globalIds(playlist)).containsExactly(0, 1);
    assertThat(out.globalIds(artist)).containsExactly(0);
    assertThat(out.numSampledNodes()).isEqualTo(new int[][] {{0, 2, 0}, {2, 0, 1}, {0, 2, 0}});
    assertThat(out.firstLocalId(2, track)).isEqualTo(2);

    // Hop 1: schema order, contains OUT/IN then by_artist OUT/IN; empty frontiers give empty blocks.
    assertThat(out.blocks(1)).extracting(Block::direction)
        .containsExactly(Direction.OUT, Direction.IN, Direction.OUT, Direction.IN);
    assertThat(out.block(1, "contains", Direction.OUT).dstCount()).isZero();
    Block trackToPlaylist = out.block(1, "contains", Direction.IN);
    assertThat(trackToPlaylist.dstType()).isEqualTo(track);
    assertThat(trackToPlaylist.srcType()).isEqualTo(playlist);
    assertThat(trackToPlaylist.offsets()).containsExactly(0, 2, 3);
    assertThat(trackToPlaylist.dst()).containsExactly(0, 0, 1);
    assertThat(trackToPlaylist.src()).containsExactly(0, 1, 0);
    Block trackToArtist = out.block(1, "by_artist", Direction.OUT);
    assertThat(trackToArtist.dst()).containsExactly(0, 1);
    assertThat(trackToArtist.src()).containsExactly(0, 0);
    assertThat(out.numSampledEdges(1, "contains")).isEqualTo(3);
    assertThat(out.numSampledEdges(1, "by_artist")).isEqualTo(2);

    // Hop 2 expands only the playlists first reached at hop 1; the artist is not followed further.
    assertThat(out.blocks(2)).hasSize(2);
    Block playlistToTrack = out.block(2, "contains", Direction.OUT);
    assertThat(playlistToTrack.firstDst()).isZero();
    assertThat(playlistToTrack.offsets()).containsExactly(0, 3, 5);
    assertThat(playlistToTrack.dst()).containsExactly(0, 0, 0, 1, 1);
    assertThat(playlistToTrack.src()).containsExactly(1, 0, 2, 0, 3);
    Block trackFrontier = out.block(2, "contains", Direction.IN);
    assertThat(trackFrontier.firstDst()).isEqualTo(2);
    assertThat(trackFrontier.dstCount()).isZero();
    assertThat(out.edgeCount()).isEqualTo(10);
  }

  @Test
  void isolatedSeedYieldsNoEdgesButKeepsItsEmptyRow() {
    NeighborSampler sampler = new NeighborSampler(catalog(),
        NeighborSamplerConfig.of("contains:5,by_artist:5;contains:5", 1));

    SampledBlocks out = sampler.sample(track, new int[] {4}, 7);

    assertThat(out.globalIds(track)).containsExactly(4);
    assertThat(out.edgeCount()).isZero();
    assertThat(out.block(1, "contains", Direction.IN).offsets()).containsExactly(0, 0);
    assertThat(out.block(1, "contains", Direction.IN).degree(0)).isZero();
    assertThat(out.numSampledNodes()).isEqualTo(new int[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, 0}});
  }

  @Test
  void repeatedSeedsShareTheLocalIdOfTheirFirstOccurrence() {
    NeighborSampler sampler = new NeighborSampler(catalog(), NeighborSamplerConfig.of("contains:5", 1));

    SampledBlocks out = sampler.sample(track, new int[] {1, 0, 1, 3}, 7);

    assertThat(out.inputSeedCount()).isEqualTo(4);
    assertThat(out.seedCount()).isEqualTo(3);
    assertThat(out.seedLocalIds()).containsExactly(0, 1, 0, 2);
    assertThat(out.globalIds(track)).containsExactly(1, 0, 3);
    assertThat(out.block(1, "contains", Direction.IN).offsets()).containsExactly(0, 2, 3, 4);
  }

  @Test
  void withReplacementDrawsExactlyTheFanoutFromSmallRows() {
    NeighborSampler sampler = new NeighborSampler(catalog(),
        NeighborSamplerConfig.builder().fanouts("contains:6").replace(true).seed(3).build());

    SampledBlocks out = sampler.sample(playlist, new int[] {1, 0}, 11);

    Block b = out.block(1, "contains", Direction.OUT);
    assertThat(b.offsets()).containsExactly(0, 6, 12);
    for (int p = 0; p < 6; p++) {
      assertThat(out.globalId(track, b.src(p))).isIn(1, 3);
      assertThat(out.globalId(track, b.src(p + 6))).isIn(0, 1, 2);
    }
  }

  @Test
  void fanoutAllTakesEveryNeighbourEvenWithReplacement() {
    NeighborSampler sampler = new NeighborSampler(catalog(),
        NeighborSamplerConfig.builder().fanouts("contains:all").replace(true).build());

    Block b = sampler.sample(playlist, new int[] {0}, 1).block(1, "contains", Direction.OUT);

    assertThat(b.src()).containsExactly(0, 1, 2);
  }

  @Test
  void withoutReplacementNeverRepeatsAndIncludesEachNeighbourEvenly() {
    // Degree 6: fan-out 3 uses the partial shuffle (d <= 2k), fan-out 2 uses Floyd's algorithm (d > 2k).
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    b.addNode(playlist, "p0");
    for (int i = 0; i < 6; i++) {
      b.addEdge(contains, 0, b.addNode(track, "t" + i));
    }
    HeteroGraph g = b.build();
    for (int k : new int[] {3, 2}) {
      NeighborSampler sampler = new NeighborSampler(g, NeighborSamplerConfig.of("contains:" + k, 5));
      int[] included = new int[6];
      int draws = 6000;
      for (int s = 0; s < draws; s++) {
        SampledBlocks out = sampler.sample(playlist, new int[] {0}, s);
        int[] picked = out.globalIds(track);
        assertThat(picked).hasSize(k).doesNotHaveDuplicates();
        assertThat(out.block(1, "contains", Direction.OUT).src()).doesNotHaveDuplicates();
        for (int t : picked) {
          included[t]++;
        }
      }
      double expected = draws * k / 6.0;
      assertThat(chiSquare(included, new double[] {expected, expected, expected, expected, expected, expected}))
          .as("fan-out %d inclusion counts %s", k, java.util.Arrays.toString(included))
          .isLessThan(20.52); // df = 5, p = 0.001
    }
  }

  /** p0 -> t0..t4 with weights 1, 2, 3, 4, 0. */
  private HeteroGraph weightedStar(float... weights) {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema).declareWeights(contains);
    b.addNode(playlist, "p0");
    for (int i = 0; i < weights.length; i++) {
      b.addEdge(contains, 0, b.addNode(track, "t" + i), weights[i]);
    }
    return b.build();
  }

  @Test
  void weightedDrawsWithReplacementFollowTheWeights() {
    NeighborSampler sampler = new NeighborSampler(weightedStar(1, 2, 3, 4, 0), NeighborSamplerConfig.builder()
        .fanouts("contains:40000").weighting(Weighting.WEIGHTED).replace(true).seed(9).build());

    SampledBlocks out = sampler.sample(playlist, new int[] {0}, 1);

    int[] counts = new int[5];
    Block b = out.block(1, "contains", Direction.OUT);
    assertThat(b.edgeCount()).isEqualTo(40000);
    for (int p = 0; p < b.edgeCount(); p++) {
      counts[out.globalId(track, b.src(p))]++;
    }
    assertThat(counts[4]).as("weight-0 neighbour").isZero();
    double[] expected = {4000, 8000, 12000, 16000};
    assertThat(chiSquare(java.util.Arrays.copyOf(counts, 4), expected)).isLessThan(16.27); // df = 3, p = 0.001
  }

  @Test
  void weightedDrawsWithoutReplacementFollowSuccessiveSampling() {
    NeighborSampler sampler = new NeighborSampler(weightedStar(1, 2, 3, 4, 0), NeighborSamplerConfig.builder()
        .fanouts("contains:2").weighting(Weighting.WEIGHTED).seed(9).build());
    double[] w = {1, 2, 3, 4};
    int draws = 20000;
    Map<Set<Integer>, Integer> counts = countSubsets(sampler, draws, 2);
    List<Set<Integer>> subsets = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        subsets.add(Set.of(i, j));
        expected.add(draws * successiveProbability(w, new int[] {i, j}));
      }
    }
    assertThat(counts.keySet()).allMatch(subsets::contains);
    assertThat(chiSquare(subsets, counts, expected)).isLessThan(20.52); // df = 5, p = 0.001
  }

  @Test
  void skewedWeightsWithoutReplacementStayExactWhenRejectionGivesUp() {
    // One heavy neighbour makes repeats common, so many rows finish with the reservoir keys.
    NeighborSampler sampler = new NeighborSampler(weightedStar(30, 1, 2, 4, 0), NeighborSamplerConfig.builder()
        .fanouts("contains:3").weighting(Weighting.WEIGHTED).seed(4).build());
    double[] w = {30, 1, 2, 4};
    int draws = 20000;
    Map<Set<Integer>, Integer> counts = countSubsets(sampler, draws, 3);
    List<Set<Integer>> subsets = List.of(Set.of(0, 1, 2), Set.of(0, 1, 3), Set.of(0, 2, 3), Set.of(1, 2, 3));
    List<Double> expected = new ArrayList<>();
    for (Set<Integer> s : subsets) {
      expected.add(draws * successiveProbability(w, s.stream().mapToInt(Integer::intValue).toArray()));
    }
    assertThat(counts.keySet()).as("weight-0 neighbour never drawn").allMatch(subsets::contains);
    assertThat(chiSquare(subsets, counts, expected)).isLessThan(16.27); // df = 3, p = 0.001
  }

  @Test
  void weightedRowWithFewerPositiveWeightsThanFanoutKeepsOnlyThePositiveOnes() {
    NeighborSampler sampler = new NeighborSampler(weightedStar(0, 2, 0, 1, 0), NeighborSamplerConfig.builder()
        .fanouts("contains:3").weighting(Weighting.WEIGHTED).build());
    for (int s = 0; s < 50; s++) {
      assertThat(sampler.sample(playlist, new int[] {0}, s).globalIds(track)).containsExactlyInAnyOrder(1, 3);
    }
    NeighborSampler allZero = new NeighborSampler(weightedStar(0, 0, 0, 0), NeighborSamplerConfig.builder()
        .fanouts("contains:2").weighting(Weighting.WEIGHTED).replace(true).build());
    assertThat(allZero.sample(playlist, new int[] {0}, 1).edgeCount()).isZero();
  }

  @Test
  void negativeWeightIsRefusedForWeightedSamplingNamingTheEdge() {
    HeteroGraph g = weightedStar(1, -2);
    assertThatThrownBy(() -> new NeighborSampler(g, NeighborSamplerConfig.builder().fanouts("contains:1")
        .weighting(Weighting.WEIGHTED).build()))
        .hasMessageContaining("'contains' has weight -2.0 on the edge from 'p0' to 't1'");
    assertThat(new NeighborSampler(g, NeighborSamplerConfig.of("contains:1", 0)).bytes()).isZero();
  }

  @Test
  void directionRuleDecidesWhichEndsAreExpanded() {
    HeteroGraph g = catalog();
    NeighborSampler outOnly = new NeighborSampler(g, NeighborSamplerConfig.builder().fanouts("by_artist:5")
        .direction("by_artist", Direction.OUT).build());
    NeighborSampler inOnly = new NeighborSampler(g, NeighborSamplerConfig.builder().fanouts("by_artist:5")
        .directions("by_artist:in").build());
    NeighborSampler both = new NeighborSampler(g, NeighborSamplerConfig.of("by_artist:5", 0));

    assertThat(outOnly.sample(artist, new int[] {0}, 1).edgeCount()).isZero();
    assertThat(outOnly.sample(track, new int[] {1}, 1).globalIds(artist)).containsExactly(0);
    assertThat(outOnly.sample(track, new int[] {1}, 1).blocks(1)).hasSize(1);
    assertThat(inOnly.sample(track, new int[] {1}, 1).edgeCount()).isZero();
    assertThat(inOnly.sample(artist, new int[] {0}, 1).globalIds(track)).containsExactly(0, 1);
    SampledBlocks fromArtist = both.sample(artist, new int[] {0}, 1);
    assertThat(fromArtist.globalIds(track)).containsExactly(0, 1);
    assertThat(fromArtist.block(1, "by_artist", Direction.IN).dstType()).isEqualTo(artist);
    assertThat(both.sample(track, new int[] {2}, 1).globalIds(artist)).containsExactly(1);
  }

  @Test
  void homogeneousRelationFollowsOutInOrTheirUnionOnce() {
    GraphSchema.Builder s = GraphSchema.builder();
    NodeType user = s.node("user");
    EdgeType follows = s.edge(user, "follows", user);
    HeteroGraphBuilder b = new HeteroGraphBuilder(s.build());
    for (int i = 0; i < 4; i++) {
      b.addNode(user, "u" + i);
    }
    // u0 -> u1, u0 -> u2, u1 -> u0 (mutual with u0 -> u1), u3 -> u0.
    b.addEdge(follows, 0, 1).addEdge(follows, 0, 2).addEdge(follows, 1, 0).addEdge(follows, 3, 0);
    HeteroGraph g = b.build();

    SampledBlocks out = new NeighborSampler(g, NeighborSamplerConfig.builder().fanouts("follows:9")
        .directions("follows:out").build()).sample(user, new int[] {0}, 1);
    SampledBlocks in = new NeighborSampler(g, NeighborSamplerConfig.builder().fanouts("follows:9")
        .directions("follows:in").build()).sample(user, new int[] {0}, 1);
    SampledBlocks union = new NeighborSampler(g, NeighborSamplerConfig.of("follows:9", 1))
        .sample(user, new int[] {0}, 1);

    assertThat(out.globalIds(user)).containsExactly(0, 1, 2);
    assertThat(in.globalIds(user)).containsExactly(0, 1, 3);
    assertThat(union.globalIds(user)).containsExactly(0, 1, 2, 3);
    Block ub = union.block(1, "follows", Direction.BOTH);
    assertThat(ub.src()).containsExactly(1, 2, 3);
    assertThat(ub.dstType()).isEqualTo(user);
    assertThat(union.blocks(1)).hasSize(1);
  }

  @Test
  void homogeneousUnionSumsTheWeightsOfBothDirections() {
    GraphSchema.Builder s = GraphSchema.builder();
    NodeType user = s.node("user");
    EdgeType follows = s.edge(user, "follows", user);
    HeteroGraphBuilder b = new HeteroGraphBuilder(s.build()).declareWeights(follows);
    for (int i = 0; i < 3; i++) {
      b.addNode(user, "u" + i);
    }
    // u0's union: u1 with weight 1 + 2 = 3, u2 with weight 1.
    b.addEdge(follows, 0, 1, 1f).addEdge(follows, 1, 0, 2f).addEdge(follows, 2, 0, 1f);
    NeighborSampler sampler = new NeighborSampler(b.build(), NeighborSamplerConfig.builder()
        .fanouts("follows:20000").weighting(Weighting.WEIGHTED).replace(true).seed(2).build());

    SampledBlocks sample = sampler.sample(user, new int[] {0}, 5);

    int[] counts = new int[3];
    Block ub = sample.block(1, "follows", Direction.BOTH);
    for (int p = 0; p < ub.edgeCount(); p++) {
      counts[sample.globalId(user, ub.src(p))]++;
    }
    assertThat(counts[0]).isZero();
    assertThat(chiSquare(new int[] {counts[1], counts[2]}, new double[] {15000, 5000})).isLessThan(10.83);
  }

  @Test
  void sameInputsGiveEqualSamplesAndOtherSeedsDiffer() {
    HeteroGraph g = randomCatalog(40, 120, 600, 17);
    NeighborSamplerConfig config = NeighborSamplerConfig.of("contains:3,by_artist:1;contains:2", 21);
    NeighborSampler sampler = new NeighborSampler(g, config);
    int[] seeds = {5, 17, 3, 99, 64};

    SampledBlocks first = sampler.sample(track, seeds, 100);

    assertThat(new NeighborSampler(g, config).sample(track, seeds, 100)).isEqualTo(first);
    assertThat(sampler.sample(track, seeds, 101)).isNotEqualTo(first);
    assertThat(new NeighborSampler(g, NeighborSamplerConfig.of("contains:3,by_artist:1;contains:2", 22))
        .sample(track, seeds, 100)).isNotEqualTo(first);
    assertThat(first.edgeCount()).isGreaterThan(20);
  }

  @Test
  void resultDoesNotDependOnTheCallingThread() throws Exception {
    HeteroGraph g = randomCatalog(40, 120, 600, 3);
    NeighborSampler sampler = new NeighborSampler(g, NeighborSamplerConfig.of("contains:4;contains:3", 8));
    List<SampledBlocks> expected = new ArrayList<>();
    for (int batch = 0; batch < 40; batch++) {
      expected.add(sampler.sample(track, new int[] {batch, batch + 40, batch + 80}, batch));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<SampledBlocks>> futures = new ArrayList<>();
      for (int batch = 39; batch >= 0; batch--) {
        int b = batch;
        futures.add(pool.submit(() -> sampler.sample(track, new int[] {b, b + 40, b + 80}, b)));
      }
      for (int i = 0; i < 40; i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(39 - i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badSeedsAndUnknownRelationsAreRefusedWithTheValue() {
    HeteroGraph g = catalog();
    NeighborSampler sampler = new NeighborSampler(g, NeighborSamplerConfig.of("contains:2", 0));
    assertThatThrownBy(() -> sampler.sample(track, new int[] {0, 5}, 1))
        .hasMessageContaining("seed 5 at position 1 is outside [0, 5) for node type 'track'");
    assertThatThrownBy(() -> new NeighborSampler(g, NeighborSamplerConfig.of("contains:2;plays:3", 0)))
        .hasMessageContaining("hop 2 names relation 'plays'")
        .hasMessageContaining("[contains, by_artist]");
    assertThatThrownBy(() -> new NeighborSampler(g, NeighborSamplerConfig.builder().fanouts("contains:2")
        .directions("plays:in").build()))
        .hasMessageContaining("direction rule names relation 'plays'");
  }

  @Test
  void emptySeedBatchGivesEmptyBlocks() {
    SampledBlocks out = new NeighborSampler(catalog(), NeighborSamplerConfig.of("contains:2;contains:2", 0))
        .sample(track, new int[0], 1);
    assertThat(out.nodeCount()).isZero();
    assertThat(out.edgeCount()).isZero();
    assertThat(out.blocks(2)).hasSize(2);
  }

  /** A random catalog: playlists with 1..8 tracks, every track by one of {@code artists} artists. */
  private HeteroGraph randomCatalog(int playlists, int tracks, int edges, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    for (int i = 0; i < playlists; i++) {
      b.addNode(playlist, "p" + i);
    }
    for (int i = 0; i < tracks; i++) {
      b.addNode(track, "t" + i);
    }
    for (int i = 0; i < 10; i++) {
      b.addNode(artist, "a" + i);
    }
    for (int e = 0; e < edges; e++) {
      b.addEdge(contains, r.nextInt(playlists), r.nextInt(tracks));
    }
    for (int t = 0; t < tracks; t++) {
      b.addEdge(byArtist, t, r.nextInt(10));
    }
    return b.build();
  }

  private Map<Set<Integer>, Integer> countSubsets(NeighborSampler sampler, int draws, int k) {
    Map<Set<Integer>, Integer> counts = new java.util.HashMap<>();
    for (int s = 0; s < draws; s++) {
      int[] picked = sampler.sample(playlist, new int[] {0}, s).globalIds(track);
      assertThat(picked).hasSize(k).doesNotHaveDuplicates();
      Set<Integer> set = new HashSet<>();
      for (int t : picked) {
        set.add(t);
      }
      counts.merge(set, 1, Integer::sum);
    }
    return counts;
  }

  /** Probability that successive weighted sampling without replacement picks exactly {@code subset}. */
  private static double successiveProbability(double[] w, int[] subset) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    return permutations(w, subset, new boolean[subset.length], total, 1.0, 0);
  }

  private static double permutations(double[] w, int[] subset, boolean[] used, double remaining, double p,
      int depth) {
    if (depth == subset.length) {
      return p;
    }
    double sum = 0;
    for (int i = 0; i < subset.length; i++) {
      if (!used[i]) {
        used[i] = true;
        double wi = w[subset[i]];
        sum += permutations(w, subset, used, remaining - wi, p * wi / remaining, depth + 1);
        used[i] = false;
      }
    }
    return sum;
  }

  private static double chiSquare(int[] observed, double[] expected) {
    double chi = 0;
    for (int i = 0; i < observed.length; i++) {
      double d = observed[i] - expected[i];
      chi += d * d / expected[i];
    }
    return chi;
  }

  private static double chiSquare(List<Set<Integer>> cells, Map<Set<Integer>, Integer> counts,
      List<Double> expected) {
    int[] observed = new int[cells.size()];
    double[] exp = new double[cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      observed[i] = counts.getOrDefault(cells.get(i), 0);
      exp[i] = expected.get(i);
    }
    return chiSquare(observed, exp);
  }
}
