package dev.polyphony.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: a header row, then rows; numbers are right-aligned, text left-aligned. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... header) {
    columns = header.length;
    rows.add(header);
  }

  TextTable row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, the table " + columns);
    }
    String[] text = new String[columns];
    for (int i = 0; i < columns; i++) {
      text[i] = String.valueOf(cells[i]);
    }
    rows.add(text);
    return this;
  }

  void print(PrintWriter out, String indent) {
    int[] width = new int[columns];
    boolean[] numeric = new boolean[columns];
    Arrays.fill(numeric, true);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], rows.get(r)[c].length());
        if (r > 0 && !rows.get(r)[c].matches("-?[0-9][0-9.,eE+-]*")) {
          numeric[c] = false;
        }
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < columns; c++) {
        String pad = " ".repeat(width[c] - row[c].length());
        line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + row[c] : row[c] + pad);
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
