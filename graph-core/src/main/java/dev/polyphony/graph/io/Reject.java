package dev.polyphony.graph.io;

/**
 * One rejected input row.
 *
 * @param file the input file (or archive entry) name
 * @param line 1-based line number (or record number for non-line formats)
 * @param field the offending field, or {@code "*"} for the whole row
 * @param reason why the row was rejected
 * @param detail the offending value or a short explanation
 */
public record Reject(String file, long line, String field, RejectReason reason, String detail) {
  @Override
  public String toString() {
    return file + ":" + line + " field '" + field + "': " + reason + " (" + detail + ")";
  }
}
