package dev.polyphony.retrieval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.io.EmbeddingFormatException;
import dev.polyphony.embedding.io.ExportManifest.FileEntry;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code index.json} of a saved {@link AnnIndex}: what was indexed, with which parameters, and the
 * size and SHA-256 of the Voyager file and the ids file. Written last, checked first.
 */
record AnnIndexDescription(int formatVersion, String nodeType, String modelHash, int count, int dimension,
    String metric, int m, int efConstruction, int ef, long seed, int filterFetchLimit, List<FileEntry> files) {
  static final int FORMAT_VERSION = 1;
  static final String FILE_NAME = "index.json";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .build();

  AnnIndexDescription {
    files = List.copyOf(files);
  }

  /** The configuration saved, with {@code threads} for the loading machine. */
  AnnIndexConfig config(int threads) {
    return new AnnIndexConfig(Metric.fromLabel(metric), m, efConstruction, ef, threads, seed, filterFetchLimit);
  }

  void write(Path file) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(this);
    AtomicFiles.write(file, out -> {
      out.write(bytes);
      out.write('\n');
    });
  }

  /** Reads {@code dir}'s description and checks every file it lists against its size and SHA-256. */
  static AnnIndexDescription readVerified(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    AnnIndexDescription description;
    try {
      description = JSON.readValue(Files.readAllBytes(file), AnnIndexDescription.class);
    } catch (NoSuchFileException e) {
      throw new EmbeddingFormatException(file, "file not found", e);
    } catch (JsonProcessingException e) {
      throw new EmbeddingFormatException(file, e.getOriginalMessage(), e);
    }
    if (description.formatVersion() != FORMAT_VERSION) {
      throw new EmbeddingFormatException(file, "field 'format_version' is " + description.formatVersion()
          + ", this reader supports " + FORMAT_VERSION);
    }
    for (FileEntry entry : description.files()) {
      entry.verify(dir, FILE_NAME);
    }
    return description;
  }
}
