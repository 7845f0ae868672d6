package dev.polyphony.graph.analysis;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jgrapht.Graph;
import org.jgrapht.alg.util.Triple;
import org.jgrapht.opt.graph.sparse.SparseIntUndirectedWeightedGraph;

/**
 * The co-occurrence projection of a metapath {@code X-Y-X} (e.g. track-playlist-track): one vertex per
 * X node (its local id), and an undirected edge between two X nodes weighted by the number of Y nodes
 * ("groups") they share, through any relation linking X and Y in either direction.
 *
 * <p>A group of s members adds s(s-1)/2 pairs, so a few huge playlists would dominate both memory and the
 * scores. A group larger than {@code maxGroupSize} therefore contributes only a sample of
 * {@code maxGroupSize} members, chosen by a seeded hash of (group, member) so that the result is the same
 * for the same seed; the number of sampled groups is reported. Before any pair is counted, the upper bound
 * of pairs is checked against {@code maxPairs}.
 *
 * <p>Pairs are counted row by row, as a sparse product of the member-group incidence with its transpose,
 * with one dense counter array over X: memory is O(|X| + groups' members + distinct pairs).
 */
public final class CoOccurrenceProjection {
  private final Graph<Integer, Integer> graph;
  private final NodeType nodeType;
  private final int groups;
  private final int sampledGroups;

  private CoOccurrenceProjection(Graph<Integer, Integer> graph, NodeType nodeType, int groups,
      int sampledGroups) {
    this.graph = graph;
    this.nodeType = nodeType;
    this.groups = groups;
    this.sampledGroups = sampledGroups;
  }

  /**
   * Builds the projection.
   *
   * @throws IllegalArgumentException when a node type is unknown, no relation links the two types, or the
   *     pair bound exceeds {@code maxPairs}
   */
  public static CoOccurrenceProjection build(HeteroGraph graph, Projection projection, int maxGroupSize,
      long maxPairs, long seed, ProgressTracker progress) {
    if (projection.isWhole()) {
      throw new IllegalArgumentException("the whole graph is not a co-occurrence projection");
    }
    projection.requireIn(graph.schema());
    NodeType x = graph.schema().nodeType(projection.nodeType());
    NodeType y = graph.schema().nodeType(projection.viaType());
    int nx = graph.nodeCount(x);
    int ny = graph.nodeCount(y);
    List<CsrAdjacency> groupToMembers = new ArrayList<>();
    for (EdgeType e : graph.schema().edgeTypes()) {
      if (e.src().equals(y) && e.dst().equals(x)) {
        groupToMembers.add(graph.out(e));
      } else if (e.src().equals(x) && e.dst().equals(y)) {
        groupToMembers.add(graph.in(e));
      }
    }

    int[] offsets = new int[ny + 1];
    IntArrayList members = new IntArrayList();
    int sampled = 0;
    long pairBound = 0;
    for (int g = 0; g < ny; g++) {
      int[] row = membersOf(groupToMembers, g);
      if (row.length > maxGroupSize) {
        row = sample(row, g, maxGroupSize, seed);
        sampled++;
      }
      members.addElements(members.size(), row);
      offsets[g + 1] = members.size();
      pairBound += (long) row.length * (row.length - 1) / 2;
    }
    if (pairBound > maxPairs) {
      throw new IllegalArgumentException("the " + projection + " projection would count up to " + pairBound
          + " pairs, above the limit of " + maxPairs + "; lower the group size cap (now " + maxGroupSize
          + ") or raise the pair limit");
    }
    CsrAdjacency groupMembers = new CsrAdjacency(offsets, members.toIntArray(), null, null, nx);
    CsrAdjacency memberGroups = groupMembers.transpose();

    IntArrayList src = new IntArrayList();
    IntArrayList dst = new IntArrayList();
    IntArrayList weight = new IntArrayList();
    int[] counts = new int[nx];
    int[] touched = new int[nx];
    progress.begin("co-occurrence " + projection, nx);
    for (int a = 0; a < nx; a++) {
      int touchedCount = 0;
      for (int p = memberGroups.start(a), pe = memberGroups.end(a); p < pe; p++) {
        int g = memberGroups.target(p);
        for (int q = groupMembers.start(g), qe = groupMembers.end(g); q < qe; q++) {
          int b = groupMembers.target(q);
          if (b > a && counts[b]++ == 0) {
            touched[touchedCount++] = b;
          }
        }
      }
      Arrays.sort(touched, 0, touchedCount);
      for (int i = 0; i < touchedCount; i++) {
        int b = touched[i];
        src.add(a);
        dst.add(b);
        weight.add(counts[b]);
        counts[b] = 0;
      }
      progress.step(1);
    }
    progress.end();

    int m = src.size();
    int[] s = src.elements();
    int[] d = dst.elements();
    int[] w = weight.elements();
    Graph<Integer, Integer> projected = new SparseIntUndirectedWeightedGraph(nx, m,
        () -> IntStream.range(0, m).mapToObj(i -> Triple.of(s[i], d[i], (double) w[i])));
    return new CoOccurrenceProjection(projected, x, ny, sampled);
  }

  /** The members of group {@code g}, sorted and distinct, over every linking relation. */
  private static int[] membersOf(List<CsrAdjacency> groupToMembers, int g) {
    if (groupToMembers.size() == 1) {
      return groupToMembers.get(0).neighbors(g);
    }
    IntArrayList all = new IntArrayList();
    for (CsrAdjacency a : groupToMembers) {
      all.addElements(all.size(), a.neighbors(g));
    }
    int[] sorted = all.toIntArray();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (n == 0 || sorted[n - 1] != sorted[i]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  /** The {@code size} members with the smallest seeded hash of (group, member), sorted ascending. */
  private static int[] sample(int[] row, int group, int size, long seed) {
    long[] keyed = new long[row.length];
    long groupSeed = mix(seed ^ mix(group));
    for (int i = 0; i < row.length; i++) {
      // High 32 bits: the hash; low 32 bits: the member, so equal hashes still order deterministically.
      keyed[i] = (mix(groupSeed ^ row[i]) & 0xFFFF_FFFF_0000_0000L) | (row[i] & 0xFFFF_FFFFL);
    }
    Arrays.sort(keyed);
    int[] chosen = new int[size];
    for (int i = 0; i < size; i++) {
      chosen[i] = (int) keyed[i];
    }
    IntArrays.quickSort(chosen);
    return chosen;
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014): a well-mixed 64-bit hash. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The weighted projection: vertices are local ids of {@link #nodeType()}, weights shared-group counts. */
  public Graph<Integer, Integer> graph() {
    return graph;
  }

  public NodeType nodeType() {
    return nodeType;
  }

  /** Number of via-type nodes (groups) considered. */
  public int groups() {
    return groups;
  }

  /** Number of groups larger than the cap that contributed a sample of their members. */
  public int sampledGroups() {
    return sampledGroups;
  }
}
