package dev.polyphony.graph.analysis;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.opt.graph.sparse.SparseIntUndirectedGraph;

/**
 * The whole heterogeneous graph as one undirected JGraphT graph over {@link GlobalNodeIds}, in
 * JGraphT's compact CSR form ({@link SparseIntUndirectedGraph}, about 12 bytes per edge) streamed
 * straight from our CSR without an intermediate edge list.
 *
 * <p>Each stored edge becomes one undirected edge. Within a homogeneous relation (same node type on both
 * ends) self-loops are dropped and a mutual pair {@code u -> v, v -> u} becomes a single edge, so
 * symmetric relations such as friendship are not counted twice. Edges of different relations between
 * the same two nodes stay parallel.
 */
public final class UndirectedWholeGraph {
  private UndirectedWholeGraph() {}

  public static Graph<Integer, Integer> build(HeteroGraph graph, GlobalNodeIds ids) {
    GraphSchema schema = graph.schema();
    long count = 0;
    for (EdgeType type : schema.edgeTypes()) {
      CsrAdjacency a = graph.out(type);
      boolean homogeneous = type.isHomogeneous();
      for (int u = 0; u < a.rowCount(); u++) {
        for (int p = a.start(u), end = a.end(u); p < end; p++) {
          if (kept(a, homogeneous, u, a.target(p))) {
            count++;
          }
        }
      }
    }
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the graph has " + count + " undirected edges, more than JGraphT's "
          + "int edge ids allow");
    }
    return new SparseIntUndirectedGraph(ids.size(), (int) count,
        () -> schema.edgeTypes().stream().flatMap(type -> edges(graph, ids, type)));
  }

  private static Stream<Pair<Integer, Integer>> edges(HeteroGraph graph, GlobalNodeIds ids, EdgeType type) {
    GraphSchema schema = graph.schema();
    CsrAdjacency a = graph.out(type);
    boolean homogeneous = type.isHomogeneous();
    int srcOffset = ids.offset(schema.indexOf(type.src()));
    int dstOffset = ids.offset(schema.indexOf(type.dst()));
    return IntStream.range(0, a.rowCount()).boxed().flatMap(u ->
        IntStream.range(a.start(u), a.end(u))
            .filter(p -> kept(a, homogeneous, u, a.target(p)))
            .mapToObj(p -> Pair.of(srcOffset + u, dstOffset + a.target(p))));
  }

  private static boolean kept(CsrAdjacency a, boolean homogeneous, int u, int v) {
    if (!homogeneous) {
      return true;
    }
    return u != v && (u < v || !a.contains(v, u));
  }
}
