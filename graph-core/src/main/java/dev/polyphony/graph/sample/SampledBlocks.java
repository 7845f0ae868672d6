package dev.polyphony.graph.sample;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Direction;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The multi-hop neighbourhood sampled around a batch of seeds by {@link NeighborSampler}, in local ids.
 *
 * <p><b>Local ids.</b> Every node type has its own local id space {@code 0..nodeCount(type)-1}, in order of
 * discovery: the seeds first (local ids {@code 0..seedCount()-1} of the seed type, in input order), then
 * the nodes first reached at hop 1, then hop 2, and so on. {@link #globalId} maps a local id back to the
 * graph's dense per-type id. Nodes first reached at hop {@code h} form one contiguous range per type, of
 * length {@link #numSampledNodes(int, NodeType)} (PyG's {@code num_sampled_nodes}).
 *
 * <p><b>Duplicate seeds</b> are merged: a seed id repeated in the input gets the local id of its first
 * occurrence, so {@link #seedCount()} counts distinct seeds and {@link #seedLocalId(int)} maps each input
 * position to its local id (the identity when the seeds are distinct). This keeps one embedding per node
 * while letting link-prediction batches (anchor, positive, negative) reuse nodes.
 *
 * <p><b>Blocks.</b> Hop {@code h} expands exactly the nodes first reached at hop {@code h - 1} (the seeds
 * for hop 1), as PyG's neighbour sampler does without disjoint subgraphs. Its {@link Block}s, one per
 * relation and traversal direction, list the sampled edges as {@code (dst, src)} pairs where {@code dst} is
 * the node being aggregated into and {@code src} the sampled neighbour (PyG {@code SamplerOutput}
 * row/col, GDS {@code SubGraph}). The block list of a hop depends only on the config and the schema, so a
 * trainer can bind block {@code i} of hop {@code h} to one weight matrix.
 *
 * <p>Instances are immutable; views are read-only and copies are fresh arrays.
 */
public final class SampledBlocks {
  private final List<NodeType> nodeTypes;
  private final int seedType;
  private final int[] seedLocalIds;
  private final int[][] globalIds;
  private final int[][] numSampledNodes;
  private final List<List<Block>> blocks;

  SampledBlocks(List<NodeType> nodeTypes, int seedType, int[] seedLocalIds, int[][] globalIds,
      int[][] numSampledNodes, List<List<Block>> blocks) {
    this.nodeTypes = nodeTypes;
    this.seedType = seedType;
    this.seedLocalIds = seedLocalIds;
    this.globalIds = globalIds;
    this.numSampledNodes = numSampledNodes;
    this.blocks = blocks;
  }

  /** Number of hops sampled (the config's hop count). */
  public int hops() {
    return blocks.size();
  }

  public NodeType seedType() {
    return nodeTypes.get(seedType);
  }

  /** Node types in schema order; local id spaces and count arrays are indexed in this order. */
  public List<NodeType> nodeTypes() {
    return nodeTypes;
  }

  /** Number of distinct seeds: local ids {@code 0..seedCount()-1} of the seed type. */
  public int seedCount() {
    return numSampledNodes[0][seedType];
  }

  /** Number of seeds given, duplicates included. */
  public int inputSeedCount() {
    return seedLocalIds.length;
  }

  /** The local id (of the seed type) of the seed at input position {@code position}. */
  public int seedLocalId(int position) {
    return seedLocalIds[position];
  }

  /** Local id of every input seed position, a copy. */
  public int[] seedLocalIds() {
    return seedLocalIds.clone();
  }

  /** Number of local nodes of {@code type} over all hops. */
  public int nodeCount(NodeType type) {
    return globalIds[typeIndex(type)].length;
  }

  /** Local nodes over all types and hops. */
  public long nodeCount() {
    long n = 0;
    for (int[] g : globalIds) {
      n += g.length;
    }
    return n;
  }

  /** The graph's dense id of local node {@code local} of {@code type}. */
  public int globalId(NodeType type, int local) {
    return globalIds[typeIndex(type)][local];
  }

  /** Dense graph ids of all local nodes of {@code type}, indexed by local id; a copy. */
  public int[] globalIds(NodeType type) {
    return globalIds[typeIndex(type)].clone();
  }

  /** Read-only view of {@link #globalIds(NodeType)} for bulk copies into preallocated buffers. */
  public IntBuffer globalIdsView(NodeType type) {
    return IntBuffer.wrap(globalIds[typeIndex(type)]).asReadOnlyBuffer();
  }

  /**
   * Nodes of {@code type} first reached at hop {@code hop}; hop 0 counts the distinct seeds. Their local
   * ids are the range starting at {@link #firstLocalId(int, NodeType)}.
   */
  public int numSampledNodes(int hop, NodeType type) {
    return numSampledNodes[checkHop(hop, 0)][typeIndex(type)];
  }

  /** The first local id of the nodes of {@code type} first reached at hop {@code hop}. */
  public int firstLocalId(int hop, NodeType type) {
    int t = typeIndex(type);
    int first = 0;
    for (int h = 0; h < checkHop(hop, 0); h++) {
      first += numSampledNodes[h][t];
    }
    return first;
  }

  /** Nodes first reached per hop (rows, hop 0 = seeds) and per node type (columns, schema order); a copy. */
  public int[][] numSampledNodes() {
    int[][] copy = new int[numSampledNodes.length][];
    for (int h = 0; h < copy.length; h++) {
      copy[h] = numSampledNodes[h].clone();
    }
    return copy;
  }

  /** The blocks of hop {@code hop} ({@code 1..hops()}), in a fixed order given by the config and schema. */
  public List<Block> blocks(int hop) {
    return blocks.get(checkHop(hop, 1) - 1);
  }

  /** The block of {@code relation} traversed in {@code direction} at hop {@code hop}. */
  public Block block(int hop, String relation, Direction direction) {
    for (Block b : blocks(hop)) {
      if (b.edgeType.relation().equals(relation) && b.direction == direction) {
        return b;
      }
    }
    throw new NoSuchElementException("hop " + hop + " has no block for '" + relation + "' " + direction
        + "; blocks: " + blocks(hop));
  }

  /** Edges sampled at {@code hop} along {@code relation}, all directions together. */
  public int numSampledEdges(int hop, String relation) {
    int m = 0;
    for (Block b : blocks(hop)) {
      if (b.edgeType.relation().equals(relation)) {
        m += b.edgeCount();
      }
    }
    return m;
  }

  /** Edges sampled over all hops and blocks. */
  public long edgeCount() {
    long m = 0;
    for (List<Block> hop : blocks) {
      for (Block b : hop) {
        m += b.edgeCount();
      }
    }
    return m;
  }

  /** Bytes held by the id and edge arrays. */
  public long bytes() {
    long bytes = 4L * seedLocalIds.length;
    for (int[] g : globalIds) {
      bytes += 4L * g.length;
    }
    for (List<Block> hop : blocks) {
      for (Block b : hop) {
        bytes += 4L * (b.offsets.length + b.dst.length + b.src.length);
      }
    }
    return bytes;
  }

  private int typeIndex(NodeType type) {
    int t = nodeTypes.indexOf(type);
    if (t < 0) {
      throw new NoSuchElementException("node type '" + type + "' is not in the schema " + nodeTypes);
    }
    return t;
  }

  private int checkHop(int hop, int min) {
    if (hop < min || hop > blocks.size()) {
      throw new IndexOutOfBoundsException("hop must be in [" + min + ", " + blocks.size() + "] (got " + hop + ")");
    }
    return hop;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampledBlocks other
        && seedType == other.seedType
        && nodeTypes.equals(other.nodeTypes)
        && Arrays.equals(seedLocalIds, other.seedLocalIds)
        && Arrays.deepEquals(globalIds, other.globalIds)
        && Arrays.deepEquals(numSampledNodes, other.numSampledNodes)
        && blocks.equals(other.blocks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seedType, Arrays.hashCode(seedLocalIds), Arrays.deepHashCode(globalIds), blocks);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SampledBlocks{seeds=").append(seedCount()).append(' ')
        .append(seedType()).append(", nodes=");
    for (int t = 0; t < nodeTypes.size(); t++) {
      sb.append(t == 0 ? "" : ",").append(nodeTypes.get(t)).append(':').append(globalIds[t].length);
    }
    return sb.append(", edges=").append(edgeCount()).append('}').toString();
  }

  /**
   * The edges sampled at one hop along one relation in one traversal direction, grouped by destination.
   *
   * <p>The destinations are the {@link #dstCount()} frontier nodes of {@link #dstType()}, local ids
   * {@code firstDst() .. firstDst() + dstCount() - 1}; frontier node {@code firstDst() + i} owns the edge
   * positions {@code offsets[i] .. offsets[i+1]-1} (CSR), and {@code dst[p]}/{@code src[p]} give the same
   * edges as aligned pairs (COO, sorted by dst). A frontier node without neighbours (isolated, or only
   * weight-0 edges under weighted sampling) owns no edges: aggregators must treat its neighbourhood as empty
   * (a zero vector or the node itself), never divide by its zero count.
   */
  public static final class Block {
    private final int hop;
    private final EdgeType edgeType;
    private final Direction direction;
    private final NodeType dstType;
    private final NodeType srcType;
    private final int firstDst;
    private final int[] offsets;
    private final int[] dst;
    private final int[] src;

    Block(int hop, EdgeType edgeType, Direction direction, NodeType dstType, NodeType srcType, int firstDst,
        int[] offsets, int[] dst, int[] src) {
      this.hop = hop;
      this.edgeType = edgeType;
      this.direction = direction;
      this.dstType = dstType;
      this.srcType = srcType;
      this.firstDst = firstDst;
      this.offsets = offsets;
      this.dst = dst;
      this.src = src;
    }

    public int hop() {
      return hop;
    }

    public EdgeType edgeType() {
      return edgeType;
    }

    /**
     * How the relation was traversed: {@code OUT} from its source type to its destination type, {@code IN}
     * back, {@code BOTH} out- and in-edges of a homogeneous relation together.
     */
    public Direction direction() {
      return direction;
    }

    /** Type of the nodes aggregated into (the frontier). */
    public NodeType dstType() {
      return dstType;
    }

    /** Type of the sampled neighbours. */
    public NodeType srcType() {
      return srcType;
    }

    /** Local id of the first frontier node. */
    public int firstDst() {
      return firstDst;
    }

    /** Number of frontier nodes, with or without sampled neighbours. */
    public int dstCount() {
      return offsets.length - 1;
    }

    public int edgeCount() {
      return src.length;
    }

    /** Local dst id of edge {@code p}. */
    public int dst(int p) {
      return dst[p];
    }

    /** Local src id of edge {@code p}. */
    public int src(int p) {
      return src[p];
    }

    /** Number of neighbours sampled for frontier node {@code firstDst() + i}. */
    public int degree(int i) {
      return offsets[i + 1] - offsets[i];
    }

    /** CSR offsets over the frontier ({@code dstCount() + 1} entries); a copy. */
    public int[] offsets() {
      return offsets.clone();
    }

    /** Local dst ids, one per edge, non-decreasing; a copy. */
    public int[] dst() {
      return dst.clone();
    }

    /** Local src ids, one per edge; a copy. */
    public int[] src() {
      return src.clone();
    }

    public IntBuffer offsetsView() {
      return IntBuffer.wrap(offsets).asReadOnlyBuffer();
    }

    public IntBuffer dstView() {
      return IntBuffer.wrap(dst).asReadOnlyBuffer();
    }

    public IntBuffer srcView() {
      return IntBuffer.wrap(src).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Block other
          && hop == other.hop
          && direction == other.direction
          && firstDst == other.firstDst
          && edgeType.equals(other.edgeType)
          && dstType.equals(other.dstType)
          && Arrays.equals(offsets, other.offsets)
          && Arrays.equals(dst, other.dst)
          && Arrays.equals(src, other.src);
    }

    @Override
    public int hashCode() {
      return Objects.hash(hop, edgeType, direction, firstDst, Arrays.hashCode(offsets), Arrays.hashCode(src));
    }

    @Override
    public String toString() {
      return "Block{hop " + hop + ", " + dstType + " <- " + edgeType.relation() + " " + direction + " <- "
          + srcType + ", dst " + dstCount() + ", edges " + edgeCount() + "}";
    }
  }
}
