package dev.polyphony.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The typed, nullable attribute columns of one node type (release date, popularity, margin, genre,
 * label, split, ...), each with one entry per node.
 */
public final class NodeAttributes {
  private final int rows;
  private final Map<String, AttributeColumn> columns = new LinkedHashMap<>();

  public NodeAttributes(int rows, List<AttributeColumn> columns) {
    this.rows = rows;
    for (AttributeColumn c : columns) {
      if (c.size() != rows) {
        throw new IllegalArgumentException("attribute '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
      }
      if (this.columns.put(c.name(), c) != null) {
        throw new IllegalArgumentException("duplicate attribute '" + c.name() + "'");
      }
    }
  }

  public static NodeAttributes empty(int rows) {
    return new NodeAttributes(rows, List.of());
  }

  public int rows() {
    return rows;
  }

  public List<String> names() {
    return List.copyOf(columns.keySet());
  }

  public List<AttributeColumn> columns() {
    return List.copyOf(columns.values());
  }

  public boolean has(String name) {
    return columns.containsKey(name);
  }

  public Optional<AttributeColumn> find(String name) {
    return Optional.ofNullable(columns.get(name));
  }

  /** The column named {@code name}; throws naming the known columns when absent. */
  public AttributeColumn column(String name) {
    AttributeColumn c = columns.get(name);
    if (c == null) {
      throw new NoSuchElementException("no attribute '" + name + "'; known: " + columns.keySet());
    }
    return c;
  }

  public long bytes() {
    long b = 0;
    for (AttributeColumn c : columns.values()) {
      b += c.bytes();
    }
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeAttributes other && rows == other.rows && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }
}
