package dev.polyphony.report;

import java.util.List;
import java.util.Locale;

/** Small pieces of HTML with every text escaped: the report page is built from these only. */
final class Html {
  private Html() {}

  /** {@code text} with {@code & < > " '} replaced by character references, safe in text and attributes. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A table with a header row; cells are plain text, escaped here. The first {@code textColumns} columns
   * are text, the others numbers, aligned right.
   */
  static String table(List<String> header, List<List<String>> rows, int textColumns) {
    StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
    for (int i = 0; i < header.size(); i++) {
      b.append(cellTag("th", i, textColumns)).append(escape(header.get(i))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      b.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        b.append(cellTag("td", i, textColumns)).append(escape(row.get(i))).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table>\n").toString();
  }

  private static String cellTag(String tag, int column, int textColumns) {
    return column < textColumns ? "<" + tag + ">" : "<" + tag + " class=\"num\">";
  }

  /** A number for a table: four decimals in [1e-3, 1e4), scientific outside, {@code 0} for zero. */
  static String number(double value) {
    double a = Math.abs(value);
    if (value == 0) {
      return "0";
    }
    if (a >= 1e4 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** An integer with thousands separators. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A share in [0, 1] as a percentage with one decimal. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
