package dev.polyphony.retrieval.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSON form of a {@link RetrievalQualityResult}: indented, records as objects in component order. */
public final class RetrievalQualityJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RetrievalQualityJson() {}

  public static String write(RetrievalQualityResult result) {
    try {
      return MAPPER.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the retrieval quality result as JSON", e);
    }
  }

  /** Writes {@code result} to {@code file} atomically. */
  public static void write(RetrievalQualityResult result, Path file) throws IOException {
    AtomicFiles.writeString(file, write(result) + "\n");
  }

  public static RetrievalQualityResult read(String json) {
    try {
      return MAPPER.readValue(json, RetrievalQualityResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a retrieval quality result: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a result written by {@link #write(RetrievalQualityResult, Path)}; errors name the file. */
  public static RetrievalQualityResult read(Path file) throws IOException {
    try {
      return read(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
