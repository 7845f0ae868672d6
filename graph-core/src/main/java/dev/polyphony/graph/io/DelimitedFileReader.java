package dev.polyphony.graph.io;

import dev.polyphony.graph.ProgressTracker;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a delimited text file line by line, keeping exact 1-based line numbers for the reject report.
 *
 * <p>Contract: the column names come from the header (the first line that is neither blank nor a
 * comment) or are given by the caller for headerless files. Blank lines and comment lines carry no data
 * and are skipped. Every data line must have exactly one field per column: fewer fields reject the row
 * as {@link RejectReason#MISSING_FIELD} at the first missing column, more as
 * {@link RejectReason#MALFORMED_ROW}, as does a broken quote. Bytes that are not valid in the declared
 * charset fail the read with an {@link IngestException}. A missing file is an {@link IngestException}
 * naming it.
 */
public final class DelimitedFileReader implements Closeable {
  private static final int PROGRESS_BATCH = 8192;

  private final Path file;
  private final String name;
  private final DelimitedFormat format;
  private final BufferedReader in;
  private final List<String> columns;
  private final Map<String, Integer> columnIndex = new HashMap<>();
  private long lineNumber;

  private DelimitedFileReader(Path file, String name, DelimitedFormat format, List<String> declaredColumns)
      throws IOException {
    this.file = file;
    this.name = name;
    this.format = format;
    try {
      this.in = Files.newBufferedReader(file, format.charset());
    } catch (NoSuchFileException e) {
      throw new IngestException(name + ": file not found (" + file + ")", e);
    }
    try {
      this.columns = declaredColumns != null ? List.copyOf(declaredColumns) : readHeader();
      for (int c = 0; c < columns.size(); c++) {
        if (columnIndex.put(columns.get(c), c) != null) {
          throw new IngestException(name + ": column '" + columns.get(c) + "' appears twice in " + columns);
        }
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Opens a file whose first data line names the columns. */
  public static DelimitedFileReader openWithHeader(Path file, String name, DelimitedFormat format)
      throws IOException {
    return new DelimitedFileReader(file, name, format, null);
  }

  /** Opens a headerless file whose columns are {@code columns}, in order. */
  public static DelimitedFileReader openWithColumns(Path file, String name, DelimitedFormat format,
      List<String> columns) throws IOException {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a headerless file needs at least one column name");
    }
    return new DelimitedFileReader(file, name, format, columns);
  }

  /** The name used in messages and rejects (e.g. the file name as the user wrote it). */
  public String name() {
    return name;
  }

  public Path file() {
    return file;
  }

  public List<String> columns() {
    return columns;
  }

  /** Fails unless the columns are exactly {@code expected}, in order. */
  public void requireColumns(List<String> expected) {
    if (!columns.equals(expected)) {
      throw new IngestException(name + ": expected the columns " + expected + " (got " + columns + ")");
    }
  }

  /** The index of the column named {@code column}; fails naming the file and its columns when absent. */
  public int column(String column) {
    Integer c = columnIndex.get(column);
    if (c == null) {
      throw new IngestException(name + ": no column '" + column + "' (columns: " + columns + ")");
    }
    return c;
  }

  /** Handles one data row; throws {@link RowRejectedException} to reject it. */
  @FunctionalInterface
  public interface RowHandler {
    void accept(DelimitedRow row) throws RowRejectedException;
  }

  /**
   * Hands every data row to {@code handler}, recording rejected rows in {@code rejects}. Reports a stage
   * named {@code "read <name>"} to {@code progress}, one step per data row.
   *
   * @return the number of data rows read, rejected ones included
   * @throws TooManyRejectsException when {@code rejects} exceeds its limit
   */
  public long forEachRow(RejectReport rejects, ProgressTracker progress, RowHandler handler) throws IOException {
    progress.begin("read " + name, -1);
    long rows = 0;
    int pending = 0;
    String text;
    while ((text = nextLine()) != null) {
      if (isSkipped(text)) {
        continue;
      }
      rows++;
      try {
        handler.accept(new DelimitedRow(columns, lineNumber, fieldsOf(text)));
      } catch (RowRejectedException e) {
        rejects.reject(name, lineNumber, e.field(), e.reason(), e.detail());
      }
      if (++pending == PROGRESS_BATCH) {
        progress.step(pending);
        pending = 0;
      }
    }
    progress.step(pending);
    progress.end();
    return rows;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private List<String> readHeader() throws IOException {
    String text;
    while ((text = nextLine()) != null) {
      if (lineNumber == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (isSkipped(text)) {
        continue;
      }
      try {
        return List.of(split(text));
      } catch (RowRejectedException e) {
        throw new IngestException(name + ":" + lineNumber + ": header cannot be split (" + e.detail() + ")");
      }
    }
    throw new IngestException(name + ": empty file, expected a header line");
  }

  private boolean isSkipped(String text) {
    return text.isEmpty() || (format.commentPrefix() != null && text.startsWith(format.commentPrefix()));
  }

  private String nextLine() throws IOException {
    try {
      String text = in.readLine();
      if (text != null) {
        lineNumber++;
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new IngestException(name + ": bytes that are not valid " + format.charset() + " after line "
          + lineNumber, e);
    }
  }

  private String[] fieldsOf(String text) throws RowRejectedException {
    String[] fields = split(text);
    if (fields.length < columns.size()) {
      throw new RowRejectedException(columns.get(fields.length), RejectReason.MISSING_FIELD,
          "the row has " + fields.length + " of " + columns.size() + " fields");
    }
    if (fields.length > columns.size()) {
      throw new RowRejectedException("*", RejectReason.MALFORMED_ROW,
          "the row has " + fields.length + " fields, expected " + columns.size());
    }
    return fields;
  }

  private String[] split(String text) throws RowRejectedException {
    return format.quoted() ? splitQuoted(text) : splitPlain(text);
  }

  private String[] splitPlain(String text) {
    char d = format.delimiter();
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == d) {
        fields.add(text.substring(start, i));
        start = i + 1;
      }
    }
    fields.add(text.substring(start));
    return fields.toArray(new String[0]);
  }

  /** RFC 4180 fields within one line: {@code "a,b"} holds a comma, {@code ""} inside quotes is one quote. */
  private String[] splitQuoted(String text) throws RowRejectedException {
    char d = format.delimiter();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      field.setLength(0);
      if (i < text.length() && text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new RowRejectedException("*", RejectReason.MALFORMED_ROW,
                "unterminated quote (a quoted field cannot span lines)");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < text.length() && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < text.length() && text.charAt(i) != d) {
          throw new RowRejectedException("*", RejectReason.MALFORMED_ROW,
              "text after a closing quote at character " + (i + 1));
        }
      } else {
        while (i < text.length() && text.charAt(i) != d) {
          char c = text.charAt(i++);
          if (c == '"') {
            throw new RowRejectedException("*", RejectReason.MALFORMED_ROW,
                "a quote inside an unquoted field at character " + i);
          }
          field.append(c);
        }
      }
      fields.add(field.toString());
      if (i >= text.length()) {
        return fields.toArray(new String[0]);
      }
      i++;
    }
  }

  @Override
  public String toString() {
    return "DelimitedFileReader[" + name + ", columns=" + columns + ", format=" + format + "]";
  }
}
