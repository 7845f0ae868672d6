package dev.polyphony.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of finished stages in an output folder ({@value #FILE}): per stage the checksum of its inputs and
 * settings, the checksum of its outputs, when it finished and how long it took. A stage's entry is removed before
 * it runs and written when it has finished, so a stage that failed or was killed has no entry and runs again. The
 * file is rewritten atomically after every change.
 */
public final class StageLedger {
  public static final String FILE = "pipeline-ledger.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One finished stage.
   *
   * @param inputs checksum of the stage's inputs and settings
   * @param outputs checksum of its outputs when it finished
   * @param finishedAt ISO-8601 instant
   * @param seconds how long it ran
   */
  public record Entry(String inputs, String outputs, String finishedAt, double seconds) {
    public Entry {
      Objects.requireNonNull(inputs, "inputs");
      Objects.requireNonNull(outputs, "outputs");
      Objects.requireNonNull(finishedAt, "finishedAt");
    }
  }

  private final Path file;
  private final Map<String, Entry> entries;

  private StageLedger(Path file, Map<String, Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /**
   * The ledger of {@code outDir}; empty when it has none.
   *
   * @throws IOException when the file exists but is not a ledger (naming the file)
   */
  public static StageLedger read(Path outDir) throws IOException {
    Path file = outDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new StageLedger(file, new LinkedHashMap<>());
    }
    try {
      Map<String, Entry> entries = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Entry>>() {});
      return new StageLedger(file, entries);
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(file + ": not a stage ledger (" + e.getMessage().lines().findFirst().orElse("") + "); "
          + "delete it to run every stage again", e);
    }
  }

  public Optional<Entry> entry(String stage) {
    return Optional.ofNullable(entries.get(stage));
  }

  /** Records that {@code stage} finished and rewrites the file. */
  public void put(String stage, Entry entry) throws IOException {
    entries.put(stage, entry);
    write();
  }

  /** Forgets {@code stage} (before it runs) and rewrites the file. */
  public void remove(String stage) throws IOException {
    if (entries.remove(stage) != null) {
      write();
    }
  }

  public Path file() {
    return file;
  }

  private void write() throws IOException {
    AtomicFiles.writeString(file, JSON.writeValueAsString(entries) + "\n");
  }
}
