package dev.polyphony.report;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A section of the report without a figure: a table of text cells, or a block of preformatted text (the output
 * of a query, say), shown after the figures.
 *
 * @param id the HTML id of the section and its key under {@code tables} in {@code metrics.json}; lower case
 *     letters, digits and dashes
 * @param heading the section heading
 * @param caption a sentence under the heading; may be empty
 * @param header column names; empty for preformatted text
 * @param rows rows of {@code header.size()} cells each; empty for preformatted text
 * @param text the preformatted text; empty for a table
 */
public record ReportTable(String id, String heading, String caption, List<String> header, List<List<String>> rows,
    String text) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  public ReportTable {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be lower case letters, digits and dashes (got '" + id + "')");
    }
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(text, "text");
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("table '" + id + "': a row has " + row.size() + " cells for "
            + header.size() + " columns");
      }
    }
    if (header.isEmpty() == text.isEmpty()) {
      throw new IllegalArgumentException("table '" + id + "' needs either a header with rows or text, not "
          + (header.isEmpty() ? "neither" : "both"));
    }
  }

  /** A table of {@code rows} under {@code header}. */
  public static ReportTable of(String id, String heading, String caption, List<String> header,
      List<List<String>> rows) {
    return new ReportTable(id, heading, caption, header, rows, "");
  }

  /** A block of preformatted {@code text}. */
  public static ReportTable preformatted(String id, String heading, String caption, String text) {
    return new ReportTable(id, heading, caption, List.of(), List.of(), text);
  }

  public boolean isText() {
    return header.isEmpty();
  }
}
