package dev.polyphony.graph;

import java.util.regex.Pattern;

/**
 * A kind of node in the catalog graph, such as {@code track}, {@code playlist} or {@code artist}.
 *
 * @param name identifier-like name: a letter followed by letters, digits or underscores
 */
public record NodeType(String name) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  public NodeType {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "node type name must be a letter followed by letters, digits or '_' (got '" + name + "')");
    }
  }

  public static NodeType of(String name) {
    return new NodeType(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
