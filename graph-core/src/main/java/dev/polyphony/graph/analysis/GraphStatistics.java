package dev.polyphony.graph.analysis;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.analysis.GraphStatisticsResult.Components;
import dev.polyphony.graph.analysis.GraphStatisticsResult.PageRankSummary;
import dev.polyphony.graph.analysis.GraphStatisticsResult.RankedNode;
import dev.polyphony.graph.analysis.GraphStatisticsResult.RelationDegrees;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.PageRank;

/**
 * Describes a graph: node and edge counts per type, degree distributions per relation and direction,
 * connected components of the whole graph taken as undirected, and the top PageRank nodes (Page, Brin,
 * Motwani and Winograd, 1999) of a chosen {@link Projection}.
 *
 * <p>Degrees are read from the CSR directly. Components and PageRank run on JGraphT's compact int graphs
 * built from the CSR ({@link UndirectedWholeGraph}, {@link CoOccurrenceProjection}), using
 * {@link ConnectivityInspector} and {@link PageRank}; on undirected graphs PageRank follows every edge both
 * ways, and a weighted projection spreads rank in proportion to edge weights.
 */
public final class GraphStatistics {
  private final HeteroGraph graph;
  private final GraphStatisticsConfig config;
  private final ProgressTracker progress;

  public GraphStatistics(HeteroGraph graph, GraphStatisticsConfig config, ProgressTracker progress) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public GraphStatisticsResult compute() {
    config.projection().requireIn(graph.schema());
    Map<String, Integer> nodes = new LinkedHashMap<>();
    for (NodeType t : graph.schema().nodeTypes()) {
      nodes.put(t.name(), graph.nodeCount(t));
    }
    Map<String, Integer> edges = new LinkedHashMap<>();
    Map<String, RelationDegrees> degrees = new LinkedHashMap<>();
    progress.begin("degrees", graph.schema().edgeTypeCount());
    for (EdgeType e : graph.schema().edgeTypes()) {
      edges.put(e.relation(), graph.edgeCount(e));
      degrees.put(e.relation(), new RelationDegrees(e.src().name(), e.dst().name(),
          DegreeSummary.of(graph.out(e)), DegreeSummary.of(graph.in(e))));
      progress.step(1);
    }
    progress.end();

    GlobalNodeIds ids = new GlobalNodeIds(graph);
    progress.begin("connected components", -1);
    Graph<Integer, Integer> whole = UndirectedWholeGraph.build(graph, ids);
    Components components = components(whole);
    progress.end();

    PageRankSummary pageRank;
    if (config.projection().isWhole()) {
      pageRank = pageRank(whole, 0, 0, (g, score) -> new RankedNode(ids.typeOf(g).name(),
          graph.ids(ids.typeOf(g)).externalId(ids.localOf(g)), score));
    } else {
      CoOccurrenceProjection projection = CoOccurrenceProjection.build(graph, config.projection(),
          config.maxGroupSize(), config.maxProjectionPairs(), config.seed(), progress);
      NodeType type = projection.nodeType();
      pageRank = pageRank(projection.graph(), projection.groups(), projection.sampledGroups(),
          (v, score) -> new RankedNode(type.name(), graph.ids(type).externalId(v), score));
    }
    return new GraphStatisticsResult(nodes, edges, graph.nodeCount(), graph.edgeCount(), degrees, components,
        pageRank);
  }

  private static Components components(Graph<Integer, Integer> whole) {
    List<Set<Integer>> sets = new ConnectivityInspector<>(whole).connectedSets();
    int largest = 0;
    int isolated = 0;
    for (Set<Integer> s : sets) {
      largest = Math.max(largest, s.size());
      if (s.size() == 1) {
        isolated++;
      }
    }
    return new Components(sets.size(), largest, isolated);
  }

  /** Names a vertex of a projected graph as a node of the catalog. */
  private interface VertexNamer {
    RankedNode named(int vertex, double score);
  }

  /** Runs PageRank and names the top-k vertices. */
  private PageRankSummary pageRank(Graph<Integer, Integer> g, int groups, int sampledGroups,
      VertexNamer namer) {
    int n = g.vertexSet().size();
    progress.begin("pagerank " + config.projection(), -1);
    PageRank<Integer, Integer> ranks = new PageRank<>(g, config.damping(), config.maxIterations(),
        config.tolerance());
    Map<Integer, Double> scores = ranks.getScores();
    progress.end();
    // Min-heap of the best k seen: the root is the weakest (lowest score, then highest id).
    Comparator<int[]> weakestFirst = Comparator.<int[]>comparingDouble(v -> scores.get(v[0]))
        .thenComparing(v -> -v[0]);
    PriorityQueue<int[]> best = new PriorityQueue<>(weakestFirst);
    for (int v = 0; v < n; v++) {
      best.add(new int[] {v});
      if (best.size() > config.topK()) {
        best.poll();
      }
    }
    List<RankedNode> top = new ArrayList<>(best.size());
    while (!best.isEmpty()) {
      int v = best.poll()[0];
      top.add(0, namer.named(v, scores.get(v)));
    }
    return new PageRankSummary(config.projection().toString(), n, g.edgeSet().size(), groups, sampledGroups,
        config.projection().isWhole() ? 0 : config.maxGroupSize(), top);
  }
}
