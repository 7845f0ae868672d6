package dev.polyphony.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON form of an {@link EvaluationReport}: indented, records as objects in component order,
 * protocols by enum name. Reading gives recommender parameters back as maps.
 */
public final class EvaluationJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvaluationJson() {}

  public static String write(EvaluationReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the evaluation report as JSON", e);
    }
  }

  /** Writes the report to {@code file} atomically (a reader never sees half a report). */
  public static void write(EvaluationReport report, Path file) throws IOException {
    AtomicFiles.writeString(file, write(report) + "\n");
  }

  public static EvaluationReport read(String json) {
    try {
      return MAPPER.readValue(json, EvaluationReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an evaluation report: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a report written by {@link #write(EvaluationReport, Path)}; errors name the file. */
  public static EvaluationReport read(Path file) throws IOException {
    try {
      return read(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
