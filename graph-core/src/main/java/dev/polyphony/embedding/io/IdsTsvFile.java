package dev.polyphony.embedding.io;

import dev.polyphony.graph.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The row-to-id file beside a headerless vector file: UTF-8, a header line {@code row<TAB>id}, then
 * one line per row {@code <row><TAB><external id>} with rows 0, 1, 2, ... in order. Ids hold no tabs
 * or line breaks (EmbeddingTable guarantees it).
 */
public final class IdsTsvFile {
  static final String HEADER = "row\tid";

  private IdsTsvFile() {}

  /** Writes {@code ids} in row order to {@code file} atomically. */
  public static void write(Path file, List<String> ids) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write(HEADER);
      w.write('\n');
      for (int row = 0; row < ids.size(); row++) {
        w.write(Integer.toString(row));
        w.write('\t');
        w.write(ids.get(row));
        w.write('\n');
      }
      w.flush();
    });
  }

  /** The ids of {@code file} in row order; fails naming the line of a wrong row number, empty or repeated id. */
  public static List<String> read(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new EmbeddingFormatException(file, "empty file (expected header '" + HEADER.replace("\t", "\\t")
            + "')");
      }
      if (!header.equals(HEADER)) {
        throw new EmbeddingFormatException(file, "line 1: expected header '" + HEADER.replace("\t", "\\t")
            + "', found '" + header.replace("\t", "\\t") + "'");
      }
      int lineNumber = 1;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        int tab = line.indexOf('\t');
        if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
          throw new EmbeddingFormatException(file, "line " + lineNumber + ": expected 2 tab-separated fields"
              + " (row, id), found " + line.split("\t", -1).length);
        }
        String rowText = line.substring(0, tab);
        String expectedRow = Integer.toString(ids.size());
        if (!rowText.equals(expectedRow)) {
          throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'row' expected "
              + expectedRow + ", found '" + rowText + "'");
        }
        String id = line.substring(tab + 1);
        if (id.isEmpty()) {
          throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'id' is empty");
        }
        if (!seen.add(id)) {
          throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'id' repeats '" + id + "'");
        }
        ids.add(id);
      }
    } catch (NoSuchFileException e) {
      throw new EmbeddingFormatException(file, "file not found", e);
    }
    return ids;
  }
}
