package dev.polyphony.graph;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed, directed relation {@code (src)-[relation]->(dst)}, e.g. {@code (playlist)-[contains]->(track)}.
 * The relation name is unique within a {@link GraphSchema}, so it alone identifies the edge type.
 * Every edge type is stored in both directions: {@link HeteroGraph#out} follows src to dst,
 * {@link HeteroGraph#in} follows dst to src.
 */
public record EdgeType(NodeType src, String relation, NodeType dst) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  public EdgeType {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    if (relation == null || !NAME.matcher(relation).matches()) {
      throw new IllegalArgumentException(
          "relation name must be a letter followed by letters, digits or '_' (got '" + relation + "')");
    }
  }

  public static EdgeType of(NodeType src, String relation, NodeType dst) {
    return new EdgeType(src, relation, dst);
  }

  /** True when both ends have the same node type (e.g. user-friend-user), so in and out neighbours mix. */
  public boolean isHomogeneous() {
    return src.equals(dst);
  }

  @Override
  public String toString() {
    return "(" + src + ")-[" + relation + "]->(" + dst + ")";
  }
}
