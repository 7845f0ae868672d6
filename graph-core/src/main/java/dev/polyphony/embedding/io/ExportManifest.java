package dev.polyphony.embedding.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code manifest.json} of an export directory: what the vectors are and, for every data file, its
 * name, byte size and SHA-256, so a reader can tell a complete, untouched export from anything else.
 * Written last; keys are snake_case for the services that read it in other languages.
 *
 * @param formatVersion version of this manifest layout; readers accept {@link #FORMAT_VERSION}
 * @param nodeType the node type of every row
 * @param count number of rows
 * @param dimension vector length
 * @param metadata model hash, metric, normalisation, creation time and properties
 * @param formats the formats present, in the order written
 * @param files every data file, in the order written
 */
public record ExportManifest(int formatVersion, String nodeType, int count, int dimension,
    EmbeddingMetadata metadata, List<ExportFormat> formats, List<FileEntry> files) {
  /** The manifest layout this code writes and reads. */
  public static final int FORMAT_VERSION = 1;
  /** The manifest's file name. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ExportManifest {
    if (formatVersion <= 0) {
      throw new IllegalArgumentException("formatVersion must be > 0 (got " + formatVersion + ")");
    }
    Objects.requireNonNull(nodeType, "nodeType");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0 (got " + count + ")");
    }
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0 (got " + dimension + ")");
    }
    Objects.requireNonNull(metadata, "metadata");
    formats = List.copyOf(formats);
    files = List.copyOf(files);
  }

  /** One data file: its name within the directory, byte size and SHA-256 (lower-case hex). */
  public record FileEntry(String name, long bytes, String sha256) {
    public FileEntry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes must be >= 0 (got " + bytes + ")");
      }
    }

    /** The entry describing {@code file} as it is now. */
    public static FileEntry of(Path file) throws IOException {
      return new FileEntry(file.getFileName().toString(), Files.size(file), Checksums.sha256(file));
    }

    /**
     * Checks that this file exists in {@code dir} with this size and SHA-256; a difference is an
     * error naming the file and {@code listedIn}, the file that lists it.
     */
    public void verify(Path dir, String listedIn) throws IOException {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new EmbeddingFormatException(file, "listed in " + listedIn + " but missing");
      }
      long size = Files.size(file);
      if (size != bytes) {
        throw new EmbeddingFormatException(file, "size mismatch: " + listedIn + " says " + bytes
            + " bytes, file has " + size);
      }
      String actual = Checksums.sha256(file);
      if (!actual.equals(sha256)) {
        throw new EmbeddingFormatException(file, "SHA-256 mismatch: " + listedIn + " says " + sha256
            + ", file has " + actual);
      }
    }
  }

  /** The entry of file {@code name}, if listed. */
  public java.util.Optional<FileEntry> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Writes this manifest to {@code file} atomically. */
  public void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", formatVersion);
    root.put("node_type", nodeType);
    root.put("count", count);
    root.put("dimension", dimension);
    root.put("metric", metadata.metric().label());
    root.put("normalization", metadata.normalization().label());
    root.put("model_hash", metadata.modelHash());
    root.put("created_at", metadata.createdAt().toString());
    ObjectNode properties = root.putObject("properties");
    metadata.properties().forEach(properties::put);
    ArrayNode formatArray = root.putArray("formats");
    formats.forEach(f -> formatArray.add(f.label()));
    ArrayNode fileArray = root.putArray("files");
    for (FileEntry f : files) {
      fileArray.addObject().put("name", f.name()).put("bytes", f.bytes()).put("sha256", f.sha256());
    }
    byte[] bytes = JSON.writeValueAsBytes(root);
    AtomicFiles.write(file, out -> {
      out.write(bytes);
      out.write('\n');
    });
  }

  /** Reads {@code file}; a missing or mistyped field is an error naming the file and the field. */
  public static ExportManifest read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new EmbeddingFormatException(file, "file not found", e);
    } catch (JsonProcessingException e) {
      throw new EmbeddingFormatException(file, "malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new EmbeddingFormatException(file, "expected a JSON object");
    }
    Fields f = new Fields(file, root);
    int version = f.integer("format_version");
    if (version != FORMAT_VERSION) {
      throw new EmbeddingFormatException(file, "field 'format_version' is " + version + ", this reader supports "
          + FORMAT_VERSION);
    }
    try {
      Map<String, String> properties = new LinkedHashMap<>();
      JsonNode props = f.node("properties", JsonNode::isObject, "an object");
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw new EmbeddingFormatException(file, "field 'properties." + e.getKey() + "' must be a string");
        }
        properties.put(e.getKey(), e.getValue().asText());
      }
      EmbeddingMetadata metadata = new EmbeddingMetadata(f.text("model_hash"),
          Metric.fromLabel(f.text("metric")), Normalization.fromLabel(f.text("normalization")),
          Instant.parse(f.text("created_at")), properties);
      List<ExportFormat> formats = new ArrayList<>();
      for (JsonNode n : f.node("formats", JsonNode::isArray, "an array")) {
        formats.add(ExportFormat.fromLabel(n.asText()));
      }
      List<FileEntry> files = new ArrayList<>();
      int i = 0;
      for (JsonNode n : f.node("files", JsonNode::isArray, "an array")) {
        Fields entry = new Fields(file, n, "files[" + i++ + "].");
        files.add(new FileEntry(entry.text("name"), entry.longInteger("bytes"), entry.text("sha256")));
      }
      return new ExportManifest(version, f.text("node_type"), f.integer("count"), f.integer("dimension"),
          metadata, formats, files);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new EmbeddingFormatException(file, e.getMessage(), e);
    }
  }

  /** Typed access to the fields of one JSON object, failing with the file and field name. */
  private record Fields(Path file, JsonNode node, String prefix) {
    Fields(Path file, JsonNode node) {
      this(file, node, "");
    }

    JsonNode node(String name, java.util.function.Predicate<JsonNode> type, String typeName)
        throws EmbeddingFormatException {
      JsonNode value = node.get(name);
      if (value == null) {
        throw new EmbeddingFormatException(file, "missing field '" + prefix + name + "'");
      }
      if (!type.test(value)) {
        throw new EmbeddingFormatException(file, "field '" + prefix + name + "' must be " + typeName
            + " (got " + value + ")");
      }
      return value;
    }

    String text(String name) throws EmbeddingFormatException {
      return node(name, JsonNode::isTextual, "a string").asText();
    }

    int integer(String name) throws EmbeddingFormatException {
      return node(name, n -> n.isIntegralNumber() && n.canConvertToInt(), "an int").asInt();
    }

    long longInteger(String name) throws EmbeddingFormatException {
      return node(name, n -> n.isIntegralNumber() && n.canConvertToLong(), "an integer").asLong();
    }
  }
}
