package dev.polyphony.graph.sample;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random walks on a {@link HeteroGraph}, either along a {@link Metapath} (metapath2vec, Dong et al.,
 * KDD 2017) or uniformly over a chosen set of {@link WalkHop}s (DeepWalk, Perozzi et al., KDD 2014,
 * generalised to several relations), with optional restarts and node2vec second-order biases
 * (Grover and Leskovec, KDD 2016).
 *
 * <p>Step rule. On a node, the candidate next nodes are the neighbours under every hop allowed there
 * (the metapath's next hop, or every chosen hop leaving the node's type), pooled with multiplicity;
 * the unbiased walk picks one uniformly (edge weights are ignored). With {@code p} or {@code q} not 1,
 * candidate {@code x} reached after stepping {@code t -> v} is weighted {@code 1/p} if {@code x == t},
 * {@code 1} if one of the walker's hops leads from {@code t} to {@code x}, and {@code 1/q} otherwise.
 * The first step of a walk, and the first step after a restart, have no previous node and are uniform.
 *
 * <p>Node2vec steps use rejection sampling as in KnightKing (Yang et al., SOSP 2019): a candidate is
 * proposed uniformly and accepted with probability {@code weight / envelope}, adjacency to the previous
 * node being a binary search ({@link CsrAdjacency#contains}) instead of a scan of its neighbours. The
 * envelope is {@code max(1, 1/q)}, and a large return weight {@code 1/p} is folded in as a separate
 * area that selects the previous node directly, so small {@code p} does not cause rejections either.
 * After a bounded number of failed proposals (when most candidates weigh {@code 1/q << 1}) the step
 * falls back to an exact scan; either way the step follows the node2vec distribution exactly.
 *
 * <p>Restarts. Before every step but the first, with probability {@code r} the walker jumps back to its
 * start node instead of stepping; the jump is recorded as the next position. Metapath walks consider
 * restarts only at the start of each pass of a cyclic metapath, so that a walk keeps the metapath's
 * phase (track, playlist, track, ...); open metapaths never restart.
 *
 * <p>Dead ends. A walk on a node with no candidate stops there and is shorter than
 * {@code walkLength + 1}; an open metapath's walks stop after one pass.
 *
 * <p>Determinism. Walk {@code i} from start node {@code u} draws from a {@link SplittableRandom}
 * seeded by {@code (seed, u, i)} alone, so the corpus does not depend on the number of threads.
 */
public final class RandomWalker {
  /** Start nodes handled by one parallel task. */
  private static final int CHUNK = 512;
  /** Upper bound on node2vec proposals per step before the exact scan. */
  private static final int MAX_PROPOSALS = 32;

  private final HeteroGraph graph;
  private final Metapath metapath;
  private final List<WalkHop> hops;
  private final int startState;
  private final int startType;
  /** Node type (schema index) of the node the walker stands on in each state. */
  private final int[] stateType;
  private final boolean[] restartable;
  /** Per state: the adjacency of each allowed hop, the state it leads to and the type it arrives at. */
  private final CsrAdjacency[][] options;
  private final int[][] optionNext;
  private final int[][] optionType;
  /** Per (from type, to type): adjacencies of the walker's hops, for node2vec's "t is adjacent to x". */
  private final CsrAdjacency[][][] links;

  private RandomWalker(HeteroGraph graph, Metapath metapath, List<WalkHop> hops, int startState,
      int startType, int[] stateType, boolean[] restartable, CsrAdjacency[][] options, int[][] optionNext,
      int[][] optionType) {
    this.graph = graph;
    this.metapath = metapath;
    this.hops = List.copyOf(hops);
    this.startState = startState;
    this.startType = startType;
    this.stateType = stateType;
    this.restartable = restartable;
    this.options = options;
    this.optionNext = optionNext;
    this.optionType = optionType;
    this.links = linksOf(graph, new LinkedHashSet<>(hops));
  }

  /**
   * Walks that follow {@code metapath} (repeated while it is cyclic), starting from nodes of its start
   * type.
   */
  public static RandomWalker metapath(HeteroGraph graph, Metapath metapath) {
    Objects.requireNonNull(metapath, "metapath");
    GraphSchema schema = requireByteTypes(graph);
    List<WalkHop> hops = metapath.hops();
    int k = hops.size();
    boolean cyclic = metapath.isCyclic();
    int states = cyclic ? k : k + 1;
    int[] stateType = new int[states];
    boolean[] restartable = new boolean[states];
    CsrAdjacency[][] options = new CsrAdjacency[states][];
    int[][] next = new int[states][];
    int[][] type = new int[states][];
    for (int s = 0; s < states; s++) {
      stateType[s] = schema.indexOf(s == 0 ? metapath.startType() : hops.get(s - 1).to());
      if (s < k) {
        WalkHop h = hops.get(s);
        options[s] = new CsrAdjacency[] {h.adjacency(graph)};
        next[s] = new int[] {cyclic ? (s + 1) % k : s + 1};
        type[s] = new int[] {schema.indexOf(h.to())};
      } else {
        options[s] = new CsrAdjacency[0];
        next[s] = new int[0];
        type[s] = new int[0];
      }
    }
    restartable[0] = cyclic;
    return new RandomWalker(graph, metapath, hops, 0, stateType[0], stateType, restartable, options, next, type);
  }

  /**
   * Walks from nodes of {@code startType} that may take any of {@code hops} leaving the current node's
   * type. To walk a relation as undirected, pass both {@link WalkHop#out} and {@link WalkHop#in}.
   *
   * @throws IllegalArgumentException when {@code hops} is empty, repeats a hop, or none leaves
   *     {@code startType}
   */
  public static RandomWalker uniform(HeteroGraph graph, NodeType startType, List<WalkHop> hops) {
    GraphSchema schema = requireByteTypes(graph);
    if (hops.isEmpty()) {
      throw new IllegalArgumentException("uniform walks need at least one hop");
    }
    if (new LinkedHashSet<>(hops).size() != hops.size()) {
      throw new IllegalArgumentException("hops must not repeat (got " + hops + ")");
    }
    int start = schema.indexOf(startType);
    int nt = schema.nodeTypeCount();
    List<List<WalkHop>> byType = new ArrayList<>();
    for (int t = 0; t < nt; t++) {
      byType.add(new ArrayList<>());
    }
    for (WalkHop h : hops) {
      schema.indexOf(h.edgeType());
      byType.get(schema.indexOf(h.from())).add(h);
    }
    if (byType.get(start).isEmpty()) {
      throw new IllegalArgumentException("no hop leaves from '" + startType + "' (hops " + hops + ")");
    }
    int[] stateType = new int[nt];
    boolean[] restartable = new boolean[nt];
    CsrAdjacency[][] options = new CsrAdjacency[nt][];
    int[][] next = new int[nt][];
    int[][] type = new int[nt][];
    for (int t = 0; t < nt; t++) {
      List<WalkHop> out = byType.get(t);
      stateType[t] = t;
      restartable[t] = true;
      options[t] = new CsrAdjacency[out.size()];
      next[t] = new int[out.size()];
      type[t] = new int[out.size()];
      for (int o = 0; o < out.size(); o++) {
        options[t][o] = out.get(o).adjacency(graph);
        next[t][o] = schema.indexOf(out.get(o).to());
        type[t][o] = next[t][o];
      }
    }
    return new RandomWalker(graph, null, hops, start, start, stateType, restartable, options, next, type);
  }

  private static GraphSchema requireByteTypes(HeteroGraph graph) {
    GraphSchema schema = Objects.requireNonNull(graph, "graph").schema();
    if (schema.nodeTypeCount() > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("walks support at most " + Byte.MAX_VALUE + " node types (got "
          + schema.nodeTypeCount() + ")");
    }
    return schema;
  }

  private static CsrAdjacency[][][] linksOf(HeteroGraph graph, LinkedHashSet<WalkHop> hops) {
    GraphSchema schema = graph.schema();
    int nt = schema.nodeTypeCount();
    List<List<List<CsrAdjacency>>> lists = new ArrayList<>();
    for (int a = 0; a < nt; a++) {
      List<List<CsrAdjacency>> row = new ArrayList<>();
      for (int b = 0; b < nt; b++) {
        row.add(new ArrayList<>());
      }
      lists.add(row);
    }
    for (WalkHop h : hops) {
      lists.get(schema.indexOf(h.from())).get(schema.indexOf(h.to())).add(h.adjacency(graph));
    }
    CsrAdjacency[][][] links = new CsrAdjacency[nt][nt][];
    for (int a = 0; a < nt; a++) {
      for (int b = 0; b < nt; b++) {
        links[a][b] = lists.get(a).get(b).toArray(new CsrAdjacency[0]);
      }
    }
    return links;
  }

  public HeteroGraph graph() {
    return graph;
  }

  /** The node type every walk starts from. */
  public NodeType startType() {
    return graph.schema().nodeTypes().get(startType);
  }

  /** The metapath followed, or empty for uniform walks. */
  public Optional<Metapath> metapath() {
    return Optional.ofNullable(metapath);
  }

  /** The hops the walker may take (the metapath's hops in order, or the uniform walker's set). */
  public List<WalkHop> hops() {
    return hops;
  }

  /** {@code walksPerNode} walks from every node of the start type, on all available processors. */
  public Walks walk(WalkConfig config) {
    int n = graph.nodeCount(startType());
    int[] starts = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = i;
    }
    return walk(starts, config, Runtime.getRuntime().availableProcessors(), ProgressTracker.NONE);
  }

  /** {@code walksPerNode} walks from each of {@code startNodes}, on one thread. */
  public Walks walk(int[] startNodes, WalkConfig config) {
    return walk(startNodes, config, 1, ProgressTracker.NONE);
  }

  /**
   * {@code walksPerNode} walks from each of {@code startNodes} (nodes of the start type; repeats allowed)
   * on {@code concurrency} threads. The result is the same for every {@code concurrency}.
   */
  public Walks walk(int[] startNodes, WalkConfig config, int concurrency, ProgressTracker progress) {
    Objects.requireNonNull(config, "config");
    int n = graph.nodeCount(startType());
    for (int i = 0; i < startNodes.length; i++) {
      if (startNodes[i] < 0 || startNodes[i] >= n) {
        throw new IllegalArgumentException("start node " + startNodes[i] + " (index " + i + ") is outside the '"
            + startType() + "' nodes [0, " + n + ")");
      }
    }
    long walkCount = (long) startNodes.length * config.walksPerNode();
    if (walkCount > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(walkCount + " walks exceed one corpus; walk fewer start nodes at a time");
    }
    progress.begin("random walks", startNodes.length);
    List<Chunk> chunks = ParallelChunks.map(startNodes.length, CHUNK, concurrency, progress, (from, to) -> {
      Chunk c = new Chunk((to - from) * config.walksPerNode(), config.walkLength());
      for (int s = from; s < to; s++) {
        for (int i = 0; i < config.walksPerNode(); i++) {
          c.lengths.add(walkInto(startNodes[s], i, config, c.nodes, c.types));
        }
      }
      return c;
    });
    progress.end();
    return assemble(chunks, (int) walkCount);
  }

  private Walks assemble(List<Chunk> chunks, int walkCount) {
    long positions = 0;
    for (Chunk c : chunks) {
      positions += c.nodes.size();
    }
    if (positions > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(positions + " walk positions exceed one corpus; walk fewer start nodes "
          + "at a time");
    }
    int[] offsets = new int[walkCount + 1];
    int[] nodes = new int[(int) positions];
    byte[] types = new byte[(int) positions];
    int w = 0;
    int at = 0;
    for (Chunk c : chunks) {
      int size = c.nodes.size();
      System.arraycopy(c.nodes.elements(), 0, nodes, at, size);
      System.arraycopy(c.types.elements(), 0, types, at, size);
      for (int i = 0; i < c.lengths.size(); i++) {
        offsets[w + 1] = offsets[w] + c.lengths.getInt(i);
        w++;
      }
      at += size;
    }
    return new Walks(graph.schema(), offsets, nodes, types);
  }

  /** Walk buffers of one chunk of start nodes. */
  private static final class Chunk {
    final IntArrayList nodes;
    final ByteArrayList types;
    final IntArrayList lengths;

    Chunk(int walks, int walkLength) {
      int expected = (int) Math.min(1 << 20, (long) walks * (walkLength + 1));
      nodes = new IntArrayList(expected);
      types = new ByteArrayList(expected);
      lengths = new IntArrayList(walks);
    }
  }

  /**
   * Appends walk {@code walkIndex} from {@code start} to {@code nodes} and {@code types} and returns its
   * length. The walk depends only on {@code (config, start, walkIndex)}.
   */
  int walkInto(int start, int walkIndex, WalkConfig config, IntArrayList nodes, ByteArrayList types) {
    SplittableRandom rng = new SplittableRandom(SeedDerivation.derive(config.seed(), start, walkIndex));
    boolean biased = config.isBiased();
    double restart = config.restartProbability();
    double returnWeight = 1 / config.p();
    double outWeight = 1 / config.q();
    int state = startState;
    int cur = start;
    int prev = -1;
    int prevType = -1;
    nodes.add(cur);
    types.add((byte) stateType[state]);
    int length = 1;
    for (int step = 0; step < config.walkLength(); step++) {
      if (step > 0 && restart > 0 && restartable[state] && rng.nextDouble() < restart) {
        state = startState;
        cur = start;
        prev = -1;
        prevType = -1;
      } else {
        long choice = biased && prev >= 0
            ? biasedStep(state, cur, prev, prevType, returnWeight, outWeight, rng)
            : uniformStep(state, cur, rng);
        if (choice < 0) {
          break;
        }
        int option = (int) (choice >>> 32);
        prev = cur;
        prevType = stateType[state];
        cur = (int) choice;
        state = optionNext[state][option];
      }
      nodes.add(cur);
      types.add((byte) stateType[state]);
      length++;
    }
    return length;
  }

  private static long pack(int option, int node) {
    return ((long) option << 32) | (node & 0xFFFFFFFFL);
  }

  /** A uniformly chosen candidate as {@code (option, node)}, or -1 at a dead end. */
  private long uniformStep(int state, int cur, SplittableRandom rng) {
    CsrAdjacency[] opts = options[state];
    if (opts.length == 1) {
      CsrAdjacency a = opts[0];
      int d = a.degree(cur);
      return d == 0 ? -1 : pack(0, a.target(a.start(cur) + rng.nextInt(d)));
    }
    long total = candidateCount(opts, cur);
    return total == 0 ? -1 : candidate(opts, cur, rng.nextLong(total));
  }

  private static long candidateCount(CsrAdjacency[] opts, int cur) {
    long total = 0;
    for (CsrAdjacency a : opts) {
      total += a.degree(cur);
    }
    return total;
  }

  /** The {@code column}-th candidate of the pooled rows of {@code cur}, as {@code (option, node)}. */
  private static long candidate(CsrAdjacency[] opts, int cur, long column) {
    for (int o = 0; o < opts.length; o++) {
      int d = opts[o].degree(cur);
      if (column < d) {
        return pack(o, opts[o].target(opts[o].start(cur) + (int) column));
      }
      column -= d;
    }
    throw new IllegalStateException("candidate column beyond the pooled rows");
  }

  /**
   * A node2vec step from {@code cur}, having arrived from {@code prev}: rejection sampling under the
   * envelope {@code max(1, 1/q)} per candidate plus, when {@code 1/p} exceeds it, an extra area of
   * {@code 1/p - envelope} per occurrence of {@code prev} among the candidates.
   */
  private long biasedStep(int state, int cur, int prev, int prevType, double returnWeight, double outWeight,
      SplittableRandom rng) {
    CsrAdjacency[] opts = options[state];
    int[] types = optionType[state];
    long total = candidateCount(opts, cur);
    if (total == 0) {
      return -1;
    }
    double envelope = Math.max(1, outWeight);
    double lowest = Math.min(Math.min(returnWeight, 1), outWeight);
    int returns = 0;
    if (returnWeight > envelope) {
      for (int o = 0; o < opts.length; o++) {
        if (types[o] == prevType && opts[o].contains(cur, prev)) {
          returns++;
        }
      }
    }
    double body = total * envelope;
    double area = body + returns * (returnWeight - envelope);
    int proposals = (int) Math.min(MAX_PROPOSALS, Math.max(4, total));
    for (int trial = 0; trial < proposals; trial++) {
      double u = rng.nextDouble() * area;
      if (u >= body) {
        return returnVia(opts, types, cur, prev, prevType, returns == 1 ? 0 : rng.nextInt(returns));
      }
      long column = Math.min(total - 1, (long) (u / envelope));
      double height = u - column * envelope;
      long choice = candidate(opts, cur, column);
      if (height < lowest) {
        return choice;
      }
      double weight = weight(prev, prevType, (int) choice, types[(int) (choice >>> 32)], returnWeight, outWeight);
      // A return column is always accepted when 1/p exceeds the envelope: the rest of its weight is the
      // extra area above.
      if (height < Math.min(weight, envelope)) {
        return choice;
      }
    }
    return exactStep(opts, types, cur, prev, prevType, returnWeight, outWeight, rng);
  }

  /** The {@code which}-th option through which {@code prev} is a candidate again. */
  private static long returnVia(CsrAdjacency[] opts, int[] types, int cur, int prev, int prevType, int which) {
    for (int o = 0; o < opts.length; o++) {
      if (types[o] == prevType && opts[o].contains(cur, prev) && which-- == 0) {
        return pack(o, prev);
      }
    }
    throw new IllegalStateException("previous node is no longer a candidate");
  }

  /** Node2vec's unnormalised transition weight of candidate {@code x} given the previous node. */
  private double weight(int prev, int prevType, int x, int xType, double returnWeight, double outWeight) {
    if (x == prev && xType == prevType) {
      return returnWeight;
    }
    for (CsrAdjacency a : links[prevType][xType]) {
      if (a.contains(prev, x)) {
        return 1;
      }
    }
    return outWeight;
  }

  /** Samples the node2vec step by scanning every candidate (used when proposals keep failing). */
  private long exactStep(CsrAdjacency[] opts, int[] types, int cur, int prev, int prevType, double returnWeight,
      double outWeight, SplittableRandom rng) {
    double sum = 0;
    for (int o = 0; o < opts.length; o++) {
      for (int i = opts[o].start(cur), end = opts[o].end(cur); i < end; i++) {
        sum += weight(prev, prevType, opts[o].target(i), types[o], returnWeight, outWeight);
      }
    }
    double target = rng.nextDouble() * sum;
    long last = -1;
    for (int o = 0; o < opts.length; o++) {
      for (int i = opts[o].start(cur), end = opts[o].end(cur); i < end; i++) {
        int x = opts[o].target(i);
        last = pack(o, x);
        target -= weight(prev, prevType, x, types[o], returnWeight, outWeight);
        if (target < 0) {
          return last;
        }
      }
    }
    return last;
  }
}
