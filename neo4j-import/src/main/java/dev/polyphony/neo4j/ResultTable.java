package dev.polyphony.neo4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Rows of a query answer with named columns, printable as an aligned text table.
 *
 * @param columns column names
 * @param rows rows of plain Java values (String, Long, Double, Boolean, lists, null), one per answer row
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {
  public ResultTable {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " values for " + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = List.copyOf(copy);
  }

  /** The values of one column, top to bottom. */
  public List<Object> column(String name) {
    int c = columns.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("no column '" + name + "'; columns: " + columns);
    }
    List<Object> values = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      values.add(row.get(c));
    }
    return values;
  }

  /** The table as text: a header, a rule, one line per row, columns padded to their widest cell. */
  public String format() {
    int[] width = new int[columns.size()];
    List<String[]> cells = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      width[c] = columns.get(c).length();
    }
    for (List<Object> row : rows) {
      String[] line = new String[row.size()];
      for (int c = 0; c < row.size(); c++) {
        line[c] = text(row.get(c));
        width[c] = Math.max(width[c], line[c].length());
      }
      cells.add(line);
    }
    StringBuilder sb = new StringBuilder();
    appendLine(sb, columns.toArray(new String[0]), width);
    for (int c = 0; c < width.length; c++) {
      sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    sb.append('\n');
    for (String[] line : cells) {
      appendLine(sb, line, width);
    }
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, String[] cells, int[] width) {
    for (int c = 0; c < cells.length; c++) {
      sb.append(c == 0 ? "" : "  ").append(cells[c]).append(" ".repeat(width[c] - cells[c].length()));
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }

  private static String text(Object value) {
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%.4f", d);
    }
    return Objects.toString(value, "");
  }
}
