package dev.polyphony.graph.analysis;

import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;

/**
 * The homogeneous graph an analysis runs on: either the whole heterogeneous graph viewed as undirected
 * ({@link #WHOLE}), or the co-occurrence projection of a metapath {@code X-Y-X} (for example
 * {@code track-playlist-track}): nodes of type X, linked when they share a neighbour of type Y, weighted
 * by the number of shared neighbours.
 *
 * @param nodeType X, or {@code null} for the whole graph
 * @param viaType Y, or {@code null} for the whole graph
 */
public record Projection(String nodeType, String viaType) {
  /** The whole graph, every relation taken as undirected. */
  public static final Projection WHOLE = new Projection(null, null);

  public Projection {
    if ((nodeType == null) != (viaType == null)) {
      throw new IllegalArgumentException("a metapath projection needs both node types (got '" + nodeType
          + "' via '" + viaType + "')");
    }
    if (nodeType != null && nodeType.equals(viaType)) {
      throw new IllegalArgumentException(
          "a metapath projection needs two different node types (got " + nodeType + "-" + viaType + "-"
              + nodeType + ")");
    }
  }

  /** The co-occurrence projection {@code nodeType-viaType-nodeType}. */
  public static Projection coOccurrence(String nodeType, String viaType) {
    return new Projection(nodeType, viaType);
  }

  /** Parses {@code "whole"} or a metapath {@code "X-Y-X"} such as {@code "track-playlist-track"}. */
  public static Projection parse(String text) {
    if ("whole".equals(text)) {
      return WHOLE;
    }
    String[] parts = text == null ? new String[0] : text.split("-", -1);
    if (parts.length != 3 || !parts[0].equals(parts[2]) || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "projection must be 'whole' or a metapath X-Y-X such as track-playlist-track (got '" + text + "')");
    }
    return coOccurrence(parts[0], parts[1]);
  }

  public boolean isWhole() {
    return nodeType == null;
  }

  /** Checks that both node types exist in {@code schema}; throws naming the known types otherwise. */
  void requireIn(GraphSchema schema) {
    if (!isWhole()) {
      NodeType x = schema.nodeType(nodeType);
      NodeType y = schema.nodeType(viaType);
      boolean linked = schema.edgeTypes().stream().anyMatch(e ->
          (e.src().equals(x) && e.dst().equals(y)) || (e.src().equals(y) && e.dst().equals(x)));
      if (!linked) {
        throw new IllegalArgumentException("no relation links '" + nodeType + "' and '" + viaType
            + "', so the projection " + this + " is empty");
      }
    }
  }

  @Override
  public String toString() {
    return isWhole() ? "whole" : nodeType + "-" + viaType + "-" + nodeType;
  }
}
