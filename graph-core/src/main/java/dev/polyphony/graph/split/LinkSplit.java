package dev.polyphony.graph.split;

import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Transductive link split of one relation into training, validation and test edges, with sampled
 * negative pairs for validation and test (the usual link-prediction protocol, e.g. PyG's
 * {@code RandomLinkSplit}).
 *
 * <p>Contract. A <em>link</em> is an edge, or in undirected mode the pair {@code u -> v}, {@code v -> u}
 * (a one-way edge is a link alone). With {@code L} links, {@code round(validationFraction * L)} go to
 * validation and {@code round(testFraction * L)} to test (round half up), drawn uniformly without
 * replacement; both parts are absent from the training graph, everything else is kept. With
 * {@code keepOneEdgePerSource} each source node with an edge first has one of its edges drawn and its
 * link protected (kept in training); when fewer unprotected links remain than validation and test need,
 * the split fails naming the counts rather than shrinking a part. Negatives: pairs {@code (s, d)} drawn
 * uniformly among the non-edges of the relation in the source graph (self-pairs excluded when both ends
 * have one type), without repetition; dense relations enumerate their non-edges instead of rejection
 * sampling, so the draw always ends. Protection, assignment and negatives use three seeds derived from
 * the run seed.
 */
public final class LinkSplit {
  private static final byte TRAIN = 0;
  private static final byte VALIDATION = 1;
  private static final byte TEST = 2;

  private final HeteroGraph graph;
  private final LinkSplitConfig config;
  private final ProgressTracker progress;

  public LinkSplit(HeteroGraph graph, LinkSplitConfig config, ProgressTracker progress) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public LinkSplit(HeteroGraph graph, LinkSplitConfig config) {
    this(graph, config, ProgressTracker.NONE);
  }

  public LinkSplitResult compute() {
    EdgeType type = graph.schema().edgeType(config.relation());
    if (config.undirected() && !type.isHomogeneous()) {
      throw new IllegalArgumentException("undirected needs a relation between nodes of one type (got "
          + type + ")");
    }
    CsrAdjacency out = graph.out(type);
    int m = out.edgeCount();

    progress.begin("assign links of " + type.relation(), m);
    int[] link = linkOfPosition(out);
    int links = 0;
    for (int p = 0; p < m; p++) {
      if (link[p] == p) {
        links++;
      }
    }
    BitSet protectedLinks = config.keepOneEdgePerSource() ? protectOnePerSource(out, link) : new BitSet();
    int[] pool = new int[links - protectedLinks.cardinality()];
    for (int p = 0, i = 0; p < m; p++) {
      if (link[p] == p && !protectedLinks.get(p)) {
        pool[i++] = p;
      }
    }
    int validationLinks = (int) Math.round(config.validationFraction() * links);
    int testLinks = (int) Math.round(config.testFraction() * links);
    if (validationLinks + testLinks > pool.length) {
      throw new IllegalArgumentException("relation '" + type.relation() + "' has " + pool.length
          + " links that may leave training (" + links + " links, " + protectedLinks.cardinality()
          + " kept by keepOneEdgePerSource) but validation needs " + validationLinks + " and test "
          + testLinks);
    }
    Shuffle.partial(pool, pool.length, validationLinks + testLinks,
        new SplittableRandom(SeedDerivation.derive(config.seed(), 1)));
    byte[] part = new byte[m];
    for (int i = 0; i < validationLinks + testLinks; i++) {
      part[pool[i]] = i < validationLinks ? VALIDATION : TEST;
    }
    IntArrayList validationPositions = new IntArrayList();
    IntArrayList testPositions = new IntArrayList();
    BitSet heldOut = new BitSet(m);
    for (int p = 0; p < m; p++) {
      part[p] = part[link[p]];
      if (part[p] != TRAIN) {
        (part[p] == VALIDATION ? validationPositions : testPositions).add(p);
        heldOut.set(p);
      }
    }
    progress.step(m);
    progress.end();

    progress.begin("build training graph", 1);
    HeteroGraph training = new EdgeRemoval(graph).removePositions(type, heldOut).build();
    EdgeList validation = EdgeList.atPositions(type, out, validationPositions.toIntArray());
    EdgeList test = EdgeList.atPositions(type, out, testPositions.toIntArray());
    progress.step(1);
    progress.end();

    progress.begin("draw negative pairs", 1);
    long validationNegatives = (long) config.negativesPerPositive() * validation.size();
    long testNegatives = (long) config.negativesPerPositive() * test.size();
    long[] keys = drawNonEdges(type, out, link, validationNegatives + testNegatives,
        new SplittableRandom(SeedDerivation.derive(config.seed(), 2)));
    progress.step(1);
    progress.end();
    return new LinkSplitResult(training, validation, test,
        pairs(type, keys, 0, (int) validationNegatives, out.targetCount()),
        pairs(type, keys, (int) validationNegatives, keys.length, out.targetCount()),
        links, protectedLinks.cardinality());
  }

  /**
   * For every edge position, the position that represents its link: itself, or in undirected mode the
   * position of {@code v -> u} for an edge {@code u -> v} with {@code u > v} whose reverse is stored.
   * Representatives always precede the positions they represent.
   */
  private int[] linkOfPosition(CsrAdjacency out) {
    int[] link = new int[out.edgeCount()];
    for (int u = 0, rows = out.rowCount(); u < rows; u++) {
      for (int p = out.start(u), end = out.end(u); p < end; p++) {
        int v = out.target(p);
        int reverse = config.undirected() && u > v ? EdgeRemoval.positionOf(out, v, u) : -1;
        link[p] = reverse >= 0 ? reverse : p;
      }
    }
    return link;
  }

  private BitSet protectOnePerSource(CsrAdjacency out, int[] link) {
    SplittableRandom random = new SplittableRandom(SeedDerivation.derive(config.seed(), 0));
    BitSet protectedLinks = new BitSet(out.edgeCount());
    for (int u = 0, rows = out.rowCount(); u < rows; u++) {
      int degree = out.degree(u);
      if (degree > 0) {
        protectedLinks.set(link[out.start(u) + random.nextInt(degree)]);
      }
    }
    return protectedLinks;
  }

  /**
   * {@code count} distinct non-edges as keys {@code s * targetCount + d} (in undirected mode {@code s < d}),
   * drawn uniformly.
   */
  private long[] drawNonEdges(EdgeType type, CsrAdjacency out, int[] link, long count,
      SplittableRandom random) {
    if (count == 0) {
      return new long[0];
    }
    long available = nonEdgeCount(type, out, link);
    if (count > available || count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("relation '" + type.relation() + "' has " + available
          + " non-edges but " + count + " negative pairs were asked for (negativesPerPositive "
          + config.negativesPerPositive() + ")");
    }
    int rows = out.rowCount();
    int targets = out.targetCount();
    if (2 * count > available) {
      LongArrayList all = new LongArrayList((int) available);
      for (int s = 0; s < rows; s++) {
        for (int d = config.undirected() ? s + 1 : 0; d < targets; d++) {
          if (isNonEdge(type, out, s, d)) {
            all.add((long) s * targets + d);
          }
        }
      }
      long[] keys = all.toLongArray();
      Shuffle.partial(keys, (int) count, random);
      return Arrays.copyOf(keys, (int) count);
    }
    long[] keys = new long[(int) count];
    LongOpenHashSet seen = new LongOpenHashSet((int) count);
    int drawn = 0;
    while (drawn < count) {
      int s = random.nextInt(rows);
      int d = random.nextInt(targets);
      if (!isNonEdge(type, out, s, d)) {
        continue;
      }
      long key = config.undirected() ? (long) Math.min(s, d) * targets + Math.max(s, d) : (long) s * targets + d;
      if (seen.add(key)) {
        keys[drawn++] = key;
      }
    }
    return keys;
  }

  private boolean isNonEdge(EdgeType type, CsrAdjacency out, int s, int d) {
    if (type.isHomogeneous() && s == d) {
      return false;
    }
    return !out.contains(s, d) && !(config.undirected() && out.contains(d, s));
  }

  private long nonEdgeCount(EdgeType type, CsrAdjacency out, int[] link) {
    long rows = out.rowCount();
    long selfLoops = 0;
    long links = 0;
    for (int u = 0; u < rows; u++) {
      for (int p = out.start(u), end = out.end(u); p < end; p++) {
        if (out.target(p) == u && type.isHomogeneous()) {
          selfLoops++;
        } else if (link[p] == p) {
          links++;
        }
      }
    }
    if (config.undirected()) {
      return rows * (rows - 1) / 2 - links;
    }
    long pairs = rows * out.targetCount() - (type.isHomogeneous() ? rows : 0);
    return pairs - (out.edgeCount() - selfLoops);
  }

  private static EdgeList pairs(EdgeType type, long[] keys, int from, int to, int targets) {
    int[] s = new int[to - from];
    int[] d = new int[to - from];
    for (int i = from; i < to; i++) {
      s[i - from] = (int) (keys[i] / targets);
      d[i - from] = (int) (keys[i] % targets);
    }
    return EdgeList.of(type, s, d);
  }
}
