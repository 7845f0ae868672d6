package dev.polyphony.graph.sample;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Direction;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * GraphSAGE-style multi-hop neighbour sampling over a {@link HeteroGraph} (Hamilton, Ying and Leskovec,
 * "Inductive Representation Learning on Large Graphs", NeurIPS 2017, Algorithm 2: the sampled
 * neighbourhood function N_k(v) with fixed sizes S_k per layer k; here S_k is
 * {@code config.fanouts().get(k - 1)}, one size per relation).
 *
 * <p>{@link #sample} expands a batch of seeds hop by hop into {@link SampledBlocks}: hop {@code h} draws, for
 * every node first reached at hop {@code h - 1} and every relation of hop {@code h} that the node's type
 * may follow under the config's direction rule, up to the relation's fan-out neighbours (see
 * {@link NeighborSamplerConfig} for the rule and the drawing modes, {@link NeighborDraws} for the
 * algorithms). A node without neighbours along a relation gets no edges; aggregators must read that as
 * an empty neighbourhood (zero vector or self only), never as a division by zero.
 *
 * <p>Thread-safe: the sampler holds only the graph, the config and read-only precomputed cumulative
 * weights; each thread reuses its own scratch. The result depends only on (graph, config, seeds,
 * batchSeed), never on the calling thread.
 *
 * <p>Weighted sampling along a weighted relation precomputes row-relative cumulative weights once (8 bytes
 * per edge and direction followed, see {@link #bytes()}) and requires every weight to be finite and
 * {@code >= 0}.
 */
public final class NeighborSampler {
  private final HeteroGraph graph;
  private final NeighborSamplerConfig config;
  private final List<List<Traversal>> plan;
  private final int maxFanout;
  private final long bytes;
  private final ThreadLocal<Scratch> scratch;

  public NeighborSampler(HeteroGraph graph, NeighborSamplerConfig config) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.config = Objects.requireNonNull(config, "config");
    GraphSchema schema = graph.schema();
    for (String relation : config.directions().keySet()) {
      requireRelation(schema, relation, "direction rule");
    }
    for (int h = 0; h < config.hops(); h++) {
      for (String relation : config.fanouts().get(h).keySet()) {
        requireRelation(schema, relation, "hop " + (h + 1));
      }
    }
    if (config.weighting() == Weighting.WEIGHTED) {
      config.fanouts().stream().flatMap(hop -> hop.keySet().stream()).distinct()
          .forEach(relation -> requireSampleableWeights(schema.edgeType(relation)));
    }
    Map<String, double[]> cumulativeCache = new HashMap<>();
    List<List<Traversal>> hops = new ArrayList<>();
    int widest = 1;
    for (int h = 0; h < config.hops(); h++) {
      Map<String, Integer> fanouts = config.fanouts().get(h);
      List<Traversal> traversals = new ArrayList<>();
      // Schema order, not map order, so equal configs give equal samples.
      for (EdgeType type : schema.edgeTypes()) {
        Integer fanout = fanouts.get(type.relation());
        if (fanout == null) {
          continue;
        }
        widest = Math.max(widest, fanout);
        Direction rule = config.direction(type.relation());
        if (type.isHomogeneous() || rule != Direction.BOTH) {
          traversals.add(traversal(h + 1, type, rule, fanout, cumulativeCache));
        } else {
          traversals.add(traversal(h + 1, type, Direction.OUT, fanout, cumulativeCache));
          traversals.add(traversal(h + 1, type, Direction.IN, fanout, cumulativeCache));
        }
      }
      hops.add(List.copyOf(traversals));
    }
    this.plan = List.copyOf(hops);
    this.maxFanout = widest;
    this.bytes = cumulativeCache.values().stream().mapToLong(c -> 8L * c.length).sum();
    int nodeTypes = schema.nodeTypeCount();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(nodeTypes, maxFanout));
  }

  public HeteroGraph graph() {
    return graph;
  }

  public NeighborSamplerConfig config() {
    return config;
  }

  /** Bytes of the precomputed cumulative weights (0 for uniform sampling). */
  public long bytes() {
    return bytes;
  }

  /**
   * Samples the multi-hop neighbourhood of {@code seeds}.
   *
   * @param seedType the node type of the seeds
   * @param seeds dense ids of {@code seedType}; repeats are merged (see {@link SampledBlocks})
   * @param batchSeed mixed with the config's seed to fix this batch's random stream
   * @throws IllegalArgumentException when a seed is outside the node type's id range
   */
  public SampledBlocks sample(NodeType seedType, int[] seeds, long batchSeed) {
    GraphSchema schema = graph.schema();
    int seedTypeIndex = schema.indexOf(seedType);
    int seedRange = graph.nodeCount(seedType);
    for (int i = 0; i < seeds.length; i++) {
      if (seeds[i] < 0 || seeds[i] >= seedRange) {
        throw new IllegalArgumentException("seed " + seeds[i] + " at position " + i + " is outside [0, "
            + seedRange + ") for node type '" + seedType + "'");
      }
    }
    Scratch s = scratch.get();
    s.begin(SeedDerivation.derive(config.seed(), batchSeed));
    int types = schema.nodeTypeCount();
    int[][] numSampledNodes = new int[plan.size() + 1][types];
    int[] seedLocalIds = new int[seeds.length];
    for (int i = 0; i < seeds.length; i++) {
      seedLocalIds[i] = s.localId(seedTypeIndex, seeds[i]);
    }
    numSampledNodes[0][seedTypeIndex] = s.globals[seedTypeIndex].size();
    int[] frontierStart = new int[types];
    int[] frontierEnd = new int[types];
    List<List<SampledBlocks.Block>> blocks = new ArrayList<>(plan.size());
    for (int h = 1; h <= plan.size(); h++) {
      for (int t = 0; t < types; t++) {
        frontierEnd[t] = s.globals[t].size();
      }
      List<SampledBlocks.Block> hopBlocks = new ArrayList<>(plan.get(h - 1).size());
      for (Traversal tr : plan.get(h - 1)) {
        hopBlocks.add(expand(tr, frontierStart[tr.dstType], frontierEnd[tr.dstType], s));
      }
      blocks.add(List.copyOf(hopBlocks));
      for (int t = 0; t < types; t++) {
        numSampledNodes[h][t] = s.globals[t].size() - frontierEnd[t];
      }
      System.arraycopy(frontierEnd, 0, frontierStart, 0, types);
    }
    int[][] globalIds = new int[types][];
    for (int t = 0; t < types; t++) {
      globalIds[t] = s.globals[t].toIntArray();
    }
    return new SampledBlocks(schema.nodeTypes(), seedTypeIndex, seedLocalIds, globalIds, numSampledNodes,
        List.copyOf(blocks));
  }

  /** Samples the neighbours of frontier nodes {@code [lo, hi)} of the traversal's dst type. */
  private SampledBlocks.Block expand(Traversal tr, int lo, int hi, Scratch s) {
    IntArrayList frontier = s.globals[tr.dstType];
    // Writing straight into an array of the largest possible size spares a growing buffer and its copy.
    long bound = 0;
    for (int local = lo; local < hi; local++) {
      bound += maxPicks(tr, frontier.getInt(local));
    }
    if (bound > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("hop " + tr.hop + " along '" + tr.edgeType.relation() + "' could sample "
          + bound + " edges, more than an array holds; use smaller batches or fan-outs");
    }
    s.edges = new int[(int) bound];
    s.edgeCount = 0;
    int[] offsets = new int[hi - lo + 1];
    for (int local = lo; local < hi; local++) {
      sampleRow(tr, frontier.getInt(local), s);
      offsets[local - lo + 1] = s.edgeCount;
    }
    int[] src = s.edgeCount == s.edges.length ? s.edges : Arrays.copyOf(s.edges, s.edgeCount);
    s.edges = null;
    int[] dst = new int[src.length];
    for (int i = 0; i < hi - lo; i++) {
      Arrays.fill(dst, offsets[i], offsets[i + 1], lo + i);
    }
    List<NodeType> types = graph.schema().nodeTypes();
    return new SampledBlocks.Block(tr.hop, tr.edgeType, tr.direction, types.get(tr.dstType),
        types.get(tr.srcType), lo, offsets, dst, src);
  }

  /** The most neighbours {@link #sampleRow} can emit for {@code node}. */
  private int maxPicks(Traversal tr, int node) {
    int d = tr.adjacency.degree(node) + (tr.reverse == null ? 0 : tr.reverse.degree(node));
    if (d == 0 || tr.fanout == NeighborSamplerConfig.ALL) {
      return d;
    }
    return config.replace() ? tr.fanout : Math.min(d, tr.fanout);
  }

  /** Draws the neighbours of one node along one traversal and appends their local ids to {@code s.edges}. */
  private void sampleRow(Traversal tr, int node, Scratch s) {
    boolean union = tr.reverse != null;
    int d;
    int start;
    double[] cum;
    if (union) {
      d = s.mergeUnion(tr.adjacency, tr.reverse, node, tr.weighted);
      start = 0;
      cum = tr.weighted ? s.unionCumulative : null;
    } else {
      d = tr.adjacency.degree(node);
      start = tr.adjacency.start(node);
      cum = tr.cumulative;
    }
    if (d == 0) {
      return;
    }
    int k = tr.fanout;
    if (config.weighting() == Weighting.HASH) {
      emitByHash(tr, node, union, start, d, k, s);
      return;
    }
    if (k == NeighborSamplerConfig.ALL || (!config.replace() && d <= k)) {
      for (int p = 0; p < d; p++) {
        if (cum == null || NeighborDraws.weightAt(cum, start, p) > 0) {
          emit(tr, union ? s.unionTargets[p] : tr.adjacency.target(start + p), s);
        }
      }
      return;
    }
    int[] picks = s.picks;
    int n;
    if (config.replace()) {
      n = cum == null ? s.draws.uniformWithReplacement(d, k, picks)
          : s.draws.weightedWithReplacement(cum, start, d, k, picks);
    } else {
      n = cum == null ? s.draws.uniformWithoutReplacement(d, k, picks)
          : s.draws.weightedWithoutReplacement(cum, start, d, k, picks);
    }
    for (int i = 0; i < n; i++) {
      int p = picks[i];
      emit(tr, union ? s.unionTargets[p] : tr.adjacency.target(start + p), s);
    }
  }

  /**
   * Emits the {@code k} (or all) neighbours of {@code node} with the smallest {@link SeededHash#pair} of
   * (node id, neighbour id, seed), ascending, ties by neighbour id: the order of Spark SQL's {@code row_number()} and the prefix deeper levels keep.
   */
  private void emitByHash(Traversal tr, int node, boolean union, int start, int d, int k, Scratch s) {
    List<NodeType> types = graph.schema().nodeTypes();
    String nodeId = graph.ids(types.get(tr.dstType)).externalId(node);
    var neighbourIds = graph.ids(types.get(tr.srcType));
    long nodeHash = SeededHash.ofString(nodeId, SeededHash.SPARK_SEED);
    Integer[] order = new Integer[d];
    long[] hashes = new long[d];
    String[] ids = new String[d];
    int[] targets = new int[d];
    for (int p = 0; p < d; p++) {
      targets[p] = union ? s.unionTargets[p] : tr.adjacency.target(start + p);
      ids[p] = neighbourIds.externalId(targets[p]);
      hashes[p] = SeededHash.ofLong(config.seed(), SeededHash.ofString(ids[p], nodeHash));
      order[p] = p;
    }
    Arrays.sort(order, (a, b) -> hashes[a] != hashes[b] ? Long.compare(hashes[a], hashes[b]) : ids[a].compareTo(ids[b]));
    int n = k == NeighborSamplerConfig.ALL ? d : Math.min(d, k);
    for (int i = 0; i < n; i++) {
      emit(tr, targets[order[i]], s);
    }
  }

  private static void emit(Traversal tr, int neighbour, Scratch s) {
    s.edges[s.edgeCount++] = s.localId(tr.srcType, neighbour);
  }

  private Traversal traversal(int hop, EdgeType type, Direction direction, int fanout,
      Map<String, double[]> cumulativeCache) {
    GraphSchema schema = graph.schema();
    boolean weighted = config.weighting() == Weighting.WEIGHTED && graph.out(type).hasWeights();
    int srcIndex = schema.indexOf(type.src());
    int dstIndex = schema.indexOf(type.dst());
    CsrAdjacency adjacency = direction == Direction.IN ? graph.in(type) : graph.out(type);
    CsrAdjacency reverse = direction == Direction.BOTH ? graph.in(type) : null;
    double[] cumulative = null;
    if (weighted && reverse == null) {
      // The union of a homogeneous relation followed both ways is summed per row on the fly instead.
      cumulative = cumulativeCache.computeIfAbsent(type.relation() + "/" + direction,
          k -> cumulativeWeights(adjacency));
    }
    // Aggregation runs against the traversal: the frontier (dst of the message) is where we leave from.
    int from = direction == Direction.IN ? dstIndex : srcIndex;
    int to = direction == Direction.IN ? srcIndex : dstIndex;
    return new Traversal(hop, type, direction, from, to, fanout, adjacency, reverse, cumulative, weighted);
  }

  /** Row-relative running sums of the weights, aligned with the adjacency's edge positions. */
  private static double[] cumulativeWeights(CsrAdjacency adjacency) {
    double[] cum = new double[adjacency.edgeCount()];
    for (int u = 0; u < adjacency.rowCount(); u++) {
      double running = 0;
      for (int p = adjacency.start(u), end = adjacency.end(u); p < end; p++) {
        running += adjacency.weight(p);
        cum[p] = running;
      }
    }
    return cum;
  }

  private void requireSampleableWeights(EdgeType type) {
    CsrAdjacency out = graph.out(type);
    if (!out.hasWeights()) {
      return;
    }
    for (int u = 0; u < out.rowCount(); u++) {
      for (int p = out.start(u), end = out.end(u); p < end; p++) {
        float w = out.weight(p);
        if (!(w >= 0) || Float.isInfinite(w)) {
          throw new IllegalArgumentException("weighted sampling needs finite weights >= 0; relation '"
              + type.relation() + "' has weight " + w + " on the edge from '"
              + graph.ids(type.src()).externalId(u) + "' to '" + graph.ids(type.dst()).externalId(out.target(p))
              + "'");
        }
      }
    }
  }

  private static void requireRelation(GraphSchema schema, String relation, String where) {
    if (!schema.hasRelation(relation)) {
      List<String> known = schema.edgeTypes().stream().map(EdgeType::relation).toList();
      throw new IllegalArgumentException(where + " names relation '" + relation
          + "' which the graph does not have; known: " + known);
    }
  }

  /**
   * One relation followed in one direction at one hop. {@code dstType} is the frontier type (aggregated
   * into), {@code srcType} the neighbour type; {@code reverse} is set for a homogeneous relation followed
   * both ways, whose rows are the union of {@code adjacency} (out) and {@code reverse} (in).
   */
  private record Traversal(int hop, EdgeType edgeType, Direction direction, int dstType, int srcType,
      int fanout, CsrAdjacency adjacency, CsrAdjacency reverse, double[] cumulative, boolean weighted) {}

  /** Per-thread reusable state: the random stream, global -> local maps and edge/union buffers. */
  private static final class Scratch {
    final NeighborDraws draws = new NeighborDraws();
    final Int2IntOpenHashMap[] locals;
    final IntArrayList[] globals;
    final int[] picks;
    /** The src local ids of the block being expanded; becomes the block's array. */
    int[] edges;
    int edgeCount;
    int[] unionTargets = new int[16];
    double[] unionCumulative = new double[16];

    Scratch(int nodeTypes, int maxFanout) {
      locals = new Int2IntOpenHashMap[nodeTypes];
      globals = new IntArrayList[nodeTypes];
      for (int t = 0; t < nodeTypes; t++) {
        locals[t] = new Int2IntOpenHashMap();
        locals[t].defaultReturnValue(-1);
        globals[t] = new IntArrayList();
      }
      picks = new int[maxFanout];
    }

    void begin(long seed) {
      draws.reseed(seed);
      for (int t = 0; t < locals.length; t++) {
        locals[t].clear();
        globals[t].clear();
      }
    }

    /** The local id of global node {@code node} of type {@code type}, assigning the next one on first sight. */
    int localId(int type, int node) {
      IntArrayList g = globals[type];
      int local = locals[type].putIfAbsent(node, g.size());
      if (local < 0) {
        g.add(node);
        return g.size() - 1;
      }
      return local;
    }

    /**
     * Merges the sorted out- and in-rows of {@code node} into one sorted row without repeats (a node
     * linked both ways appears once, weights summed); returns its length.
     */
    int mergeUnion(CsrAdjacency out, CsrAdjacency in, int node, boolean weighted) {
      int d = out.degree(node) + in.degree(node);
      if (unionTargets.length < d) {
        unionTargets = new int[Math.max(d, 2 * unionTargets.length)];
        unionCumulative = new double[unionTargets.length];
      }
      int i = out.start(node);
      int iEnd = out.end(node);
      int j = in.start(node);
      int jEnd = in.end(node);
      int n = 0;
      double running = 0;
      while (i < iEnd || j < jEnd) {
        int a = i < iEnd ? out.target(i) : Integer.MAX_VALUE;
        int b = j < jEnd ? in.target(j) : Integer.MAX_VALUE;
        int v;
        double w = 0;
        if (i < iEnd && (j >= jEnd || a <= b)) {
          v = a;
          w += out.weight(i++);
          if (j < jEnd && b == a) {
            w += in.weight(j++);
          }
        } else {
          v = b;
          w += in.weight(j++);
        }
        unionTargets[n] = v;
        if (weighted) {
          running += w;
          unionCumulative[n] = running;
        }
        n++;
      }
      return n;
    }
  }
}
