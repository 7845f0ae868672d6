package dev.polyphony.graph.sample;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sequence of typed hops that a walk follows, as in metapath2vec (Dong, Chawla and Swami, KDD 2017),
 * e.g. {@code track <-contains- playlist -contains-> track} or {@code track -by-> artist <-by- track}.
 *
 * <p>Text form ({@link #parse}, {@link #toString}): node type names separated by arrows, with spaces
 * optional. {@code A -rel-> B} follows {@code rel} forwards, so {@code rel} must be {@code (A)-[rel]->(B)};
 * {@code A <-rel- B} follows it backwards, so {@code rel} must be {@code (B)-[rel]->(A)}. Writing the
 * direction keeps homogeneous relations ({@code user -follows-> user}) unambiguous.
 *
 * <p>A metapath is <em>cyclic</em> when its last node type equals its first; walks longer than the
 * metapath repeat a cyclic one from its first hop and end after one pass of an open one.
 */
public final class Metapath {
  private final List<WalkHop> hops;

  /** A metapath of consecutive hops; each hop must leave from the type the previous one arrives at. */
  public Metapath(List<WalkHop> hops) {
    Objects.requireNonNull(hops, "hops");
    if (hops.isEmpty()) {
      throw new IllegalArgumentException("a metapath needs at least one hop");
    }
    for (int i = 1; i < hops.size(); i++) {
      WalkHop prev = hops.get(i - 1);
      WalkHop next = hops.get(i);
      if (!prev.to().equals(next.from())) {
        throw new IllegalArgumentException("hop " + i + " (" + next + ") leaves from '" + next.from()
            + "' but hop " + (i - 1) + " (" + prev + ") arrives at '" + prev.to() + "'");
      }
    }
    this.hops = List.copyOf(hops);
  }

  /** Starts a metapath at {@code start}; add hops with {@link Builder#out} and {@link Builder#in}. */
  public static Builder startingAt(NodeType start) {
    return new Builder(start);
  }

  /**
   * Parses the text form, e.g. {@code "track <-contains- playlist -contains-> track"}, resolving
   * relations and node types in {@code schema}.
   *
   * @throws IllegalArgumentException naming the offending character position and token
   */
  public static Metapath parse(GraphSchema schema, String text) {
    Objects.requireNonNull(text, "text");
    Parser parser = new Parser(schema, text);
    return parser.parse();
  }

  public List<WalkHop> hops() {
    return hops;
  }

  /** Number of hops in one pass. */
  public int length() {
    return hops.size();
  }

  public NodeType startType() {
    return hops.get(0).from();
  }

  public NodeType endType() {
    return hops.get(hops.size() - 1).to();
  }

  /** True when the metapath ends on its start type, so walks can repeat it. */
  public boolean isCyclic() {
    return startType().equals(endType());
  }

  /** The node types visited in one pass, start type first ({@code length() + 1} entries). */
  public List<NodeType> nodeTypes() {
    List<NodeType> types = new ArrayList<>(hops.size() + 1);
    types.add(startType());
    for (WalkHop h : hops) {
      types.add(h.to());
    }
    return types;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metapath other && hops.equals(other.hops);
  }

  @Override
  public int hashCode() {
    return hops.hashCode();
  }

  /** The text form accepted by {@link #parse}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(startType().name());
    for (WalkHop h : hops) {
      sb.append(' ').append(h.arrow()).append(' ').append(h.to().name());
    }
    return sb.toString();
  }

  /** Collects hops from a start type. */
  public static final class Builder {
    private final List<WalkHop> hops = new ArrayList<>();
    private NodeType current;

    private Builder(NodeType start) {
      this.current = Objects.requireNonNull(start, "start");
    }

    /** Follows {@code type} forwards; {@code type}'s source must be the current node type. */
    public Builder out(EdgeType type) {
      return add(WalkHop.out(type));
    }

    /** Follows {@code type} backwards; {@code type}'s destination must be the current node type. */
    public Builder in(EdgeType type) {
      return add(WalkHop.in(type));
    }

    private Builder add(WalkHop hop) {
      if (!hop.from().equals(current)) {
        throw new IllegalArgumentException("hop " + hop.arrow() + " leaves from '" + hop.from()
            + "' but the metapath is at '" + current + "'");
      }
      hops.add(hop);
      current = hop.to();
      return this;
    }

    public Metapath build() {
      return new Metapath(hops);
    }
  }

  /** Reads {@code type (arrow type)+} where arrow is {@code -rel->} or {@code <-rel-}. */
  private static final class Parser {
    private final GraphSchema schema;
    private final String text;
    private int pos;

    Parser(GraphSchema schema, String text) {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.text = text;
    }

    Metapath parse() {
      NodeType current = nodeType();
      List<WalkHop> hops = new ArrayList<>();
      skipSpaces();
      while (pos < text.length()) {
        int arrowAt = pos;
        boolean backwards = text.startsWith("<-", pos);
        if (backwards) {
          pos += 2;
        } else {
          expect("-");
        }
        String relation = name("relation");
        if (backwards) {
          expect("-");
        } else {
          expect("->");
        }
        if (!schema.hasRelation(relation)) {
          throw error(arrowAt, "unknown relation '" + relation + "'; known: " + relationNames());
        }
        NodeType next = nodeType();
        EdgeType type = schema.edgeType(relation);
        WalkHop hop = backwards ? WalkHop.in(type) : WalkHop.out(type);
        if (!hop.from().equals(current) || !hop.to().equals(next)) {
          throw error(arrowAt, "relation '" + relation + "' is " + type + ", so '" + current + " "
              + hop.arrow() + " " + next + "' does not fit it");
        }
        hops.add(hop);
        current = next;
        skipSpaces();
      }
      if (hops.isEmpty()) {
        throw error(pos, "a metapath needs at least one hop, e.g. 'track <-contains- playlist'");
      }
      return new Metapath(hops);
    }

    private NodeType nodeType() {
      skipSpaces();
      int at = pos;
      String name = name("node type");
      if (!schema.hasNodeType(name)) {
        throw error(at, "unknown node type '" + name + "'; known: "
            + schema.nodeTypes().stream().map(NodeType::name).toList());
      }
      return schema.nodeType(name);
    }

    private String name(String what) {
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw error(start, "expected a " + what + " name");
      }
      return text.substring(start, pos);
    }

    private void expect(String token) {
      if (!text.startsWith(token, pos)) {
        throw error(pos, "expected '" + token + "'");
      }
      pos += token.length();
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private List<String> relationNames() {
      return schema.edgeTypes().stream().map(EdgeType::relation).toList();
    }

    private IllegalArgumentException error(int at, String message) {
      return new IllegalArgumentException("metapath '" + text + "' at character " + at + ": " + message);
    }
  }
}
