package dev.polyphony.embedding.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.io.AtomicFiles;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Embeddings as JSON lines: UTF-8, one object {@code {"id": "...", "vector": [f0, f1, ...]}} per row,
 * in row order. Floats are written in their shortest decimal form that reads back to the same
 * float32, so the round trip is exact.
 */
public final class JsonLinesFile {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonLinesFile() {}

  /** Writes {@code table} to {@code file} atomically. */
  public static void write(Path file, EmbeddingTable table) throws IOException {
    int d = table.dimension();
    float[] row = new float[d];
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
        for (int r = 0; r < table.size(); r++) {
          table.copyVector(r, row, 0);
          g.writeStartObject();
          g.writeStringField("id", table.id(r));
          g.writeArrayFieldStart("vector");
          for (float v : row) {
            g.writeNumber(v);
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeRaw('\n');
        }
      }
      w.flush();
    });
  }

  /**
   * Reads {@code file}; every line must be an object with a non-empty unique string {@code id} and a
   * {@code vector} of finite numbers, all vectors of one length. Blank lines are errors too, so that
   * the line count equals the row count.
   */
  public static LabeledVectors read(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    FloatArrayList values = new FloatArrayList(1024);
    int dimension = -1;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        int before = values.size();
        String id;
        try {
          id = parseLine(file, lineNumber, line, values);
        } catch (StreamReadException e) {
          throw new EmbeddingFormatException(file, "line " + lineNumber + ": malformed JSON: "
              + e.getOriginalMessage(), e);
        }
        int length = values.size() - before;
        if (dimension < 0) {
          if (length == 0) {
            throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'vector' is empty");
          }
          dimension = length;
        } else if (length != dimension) {
          throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'vector' has " + length
              + " values, expected " + dimension);
        }
        if (!seen.add(id)) {
          throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'id' repeats '" + id + "'");
        }
        ids.add(id);
      }
    } catch (NoSuchFileException e) {
      throw new EmbeddingFormatException(file, "file not found", e);
    }
    return new LabeledVectors(ids, new FloatMatrix(ids.size(), Math.max(dimension, 0), values.toFloatArray()));
  }

  private static String parseLine(Path file, int lineNumber, String line, FloatArrayList values)
      throws IOException {
    String id = null;
    boolean hasVector = false;
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new EmbeddingFormatException(file, "line " + lineNumber + ": expected a JSON object");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("id".equals(field)) {
          if (value != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
            throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'id' must be a non-empty"
                + " string (got " + p.getText() + ")");
          }
          id = p.getText();
        } else if ("vector".equals(field)) {
          if (value != JsonToken.START_ARRAY) {
            throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'vector' must be an array");
          }
          hasVector = true;
          for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.VALUE_NUMBER_FLOAT && e != JsonToken.VALUE_NUMBER_INT) {
              throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'vector' element "
                  + "must be a number (got " + p.getText() + ")");
            }
            // Parsed from the text: going through double first could round twice.
            float v = Float.parseFloat(p.getText());
            if (!Float.isFinite(v)) {
              throw new EmbeddingFormatException(file, "line " + lineNumber + ": field 'vector' element "
                  + p.getText() + " is not a finite float32");
            }
            values.add(v);
          }
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new EmbeddingFormatException(file, "line " + lineNumber + ": text after the JSON object");
      }
    }
    if (id == null) {
      throw new EmbeddingFormatException(file, "line " + lineNumber + ": missing field 'id'");
    }
    if (!hasVector) {
      throw new EmbeddingFormatException(file, "line " + lineNumber + ": missing field 'vector'");
    }
    return id;
  }
}
