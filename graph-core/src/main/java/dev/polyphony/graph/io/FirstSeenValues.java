package dev.polyphony.graph.io;

import dev.polyphony.graph.NodeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values a node carried on the row that introduced it, kept so that a later row naming the same
 * node with different values is caught as a {@link RejectReason#CONFLICTING_DUPLICATE_NODE} instead of
 * silently losing one version. Nodes are recorded in dense-index order, as a builder assigns them.
 */
final class FirstSeenValues {
  private final NodeType type;
  private final List<String> fields;
  private final List<Object[]> values = new ArrayList<>();

  /** {@code fields} name the compared values, as the input calls them (reported as the reject's field). */
  FirstSeenValues(NodeType type, List<String> fields) {
    this.type = Objects.requireNonNull(type, "type");
    this.fields = List.copyOf(fields);
  }

  /** Records the values of a node just added; {@code node} must be the next dense index of its type. */
  void record(int node, Object... nodeValues) {
    if (node != values.size()) {
      throw new IllegalStateException(type + " node " + node + " recorded out of order (expected "
          + values.size() + ")");
    }
    requireArity(nodeValues);
    values.add(nodeValues.clone());
  }

  /**
   * Records a conflict in {@code row} when {@code nodeValues} differ from the values first seen for node
   * {@code node} (whose external id is {@code id}); the first differing field is reported. Does nothing
   * when the row already has a problem.
   */
  void check(int node, String id, Object[] nodeValues, RowValidation row) {
    requireArity(nodeValues);
    if (row.failed()) {
      return;
    }
    Object[] first = values.get(node);
    for (int i = 0; i < first.length; i++) {
      if (!Objects.equals(first[i], nodeValues[i])) {
        row.fail(fields.get(i), RejectReason.CONFLICTING_DUPLICATE_NODE, type + " '" + id
            + "' was first seen with " + fields.get(i) + " " + quote(first[i]) + ", here " + quote(nodeValues[i]));
        return;
      }
    }
  }

  private void requireArity(Object[] nodeValues) {
    if (nodeValues.length != fields.size()) {
      throw new IllegalArgumentException("expected " + fields.size() + " values " + fields + " (got "
          + Arrays.toString(nodeValues) + ")");
    }
  }

  private static String quote(Object value) {
    return value == null ? "(none)" : "'" + value + "'";
  }
}
