package dev.polyphony.graph.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link GraphStatistics} found, shaped for JSON (Jackson serialises the records as objects; maps keep
 * schema order): {@code {"nodes": {"track": 28356, ...}, "edges": {"contains": 32251, ...}, ...}}.
 *
 * @param nodes node count per node type name
 * @param edges edge count per relation name
 * @param totalNodes sum of {@code nodes}
 * @param totalEdges sum of {@code edges}
 * @param degrees per relation name, the degree distribution of its sources and its destinations
 * @param components connected components of the whole graph taken as undirected
 * @param pageRank the highest PageRank nodes of the chosen projection
 */
public record GraphStatisticsResult(Map<String, Integer> nodes, Map<String, Integer> edges, long totalNodes,
    long totalEdges, Map<String, RelationDegrees> degrees, Components components, PageRankSummary pageRank) {

  public GraphStatisticsResult {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
    degrees = Collections.unmodifiableMap(new LinkedHashMap<>(degrees));
  }

  /**
   * Degrees of one relation {@code (src)-[relation]->(dst)}.
   *
   * @param out out-degrees of the {@code src} nodes
   * @param in in-degrees of the {@code dst} nodes
   */
  public record RelationDegrees(String src, String dst, DegreeSummary out, DegreeSummary in) {}

  /**
   * Connected components of the whole graph viewed as undirected.
   *
   * @param count number of components (an isolated node is a component of its own)
   * @param largestSize nodes in the largest component
   * @param isolatedNodes nodes without any edge
   */
  public record Components(int count, int largestSize, int isolatedNodes) {}

  /**
   * PageRank over one projection.
   *
   * @param projection {@code "whole"} or the metapath, e.g. {@code "track-playlist-track"}
   * @param vertices vertices of the projected graph
   * @param edges undirected edges of the projected graph
   * @param groups via-type nodes of a metapath projection (0 for the whole graph)
   * @param sampledGroups groups above the size cap that contributed a member sample
   * @param maxGroupSize the size cap of groups in a metapath projection
   * @param top the highest-scoring nodes, best first (ties by lower id)
   */
  public record PageRankSummary(String projection, int vertices, long edges, int groups, int sampledGroups,
      int maxGroupSize, List<RankedNode> top) {
    public PageRankSummary {
      top = List.copyOf(top);
    }
  }

  /** A node with its score: node type name, external id, score. */
  public record RankedNode(String type, String id, double score) {}
}
