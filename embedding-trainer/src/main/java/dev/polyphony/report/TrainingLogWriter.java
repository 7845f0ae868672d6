package dev.polyphony.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends {@link EpochRecord}s to a {@link TrainingLog} file, one line per call, flushed at once so a
 * reader (or a report built while training runs) sees every finished epoch. A log is appended to, not
 * replaced, so it is not written atomically: a crash can at worst leave a partial last line, which
 * {@link TrainingLog#read} reports.
 * Epochs must increase. Not thread-safe: the training loop is its only caller.
 */
public final class TrainingLogWriter implements AutoCloseable {
  private final Path file;
  private final BufferedWriter out;
  private int lastEpoch;

  private TrainingLogWriter(Path file, BufferedWriter out, int lastEpoch) {
    this.file = file;
    this.out = out;
    this.lastEpoch = lastEpoch;
  }

  /** Starts a new log at {@code file}, replacing any old one; creates missing directories. */
  public static TrainingLogWriter create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return new TrainingLogWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 0);
  }

  /**
   * Continues the log at {@code file} (a resumed run): its records are read and checked first, and new
   * epochs must follow the last one. A missing file starts a new log.
   */
  public static TrainingLogWriter append(Path file) throws IOException {
    if (!Files.exists(file)) {
      return create(file);
    }
    List<EpochRecord> existing = TrainingLog.read(file);
    int last = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).epoch();
    return new TrainingLogWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE), last);
  }

  public Path file() {
    return file;
  }

  /**
   * Appends {@code record} as one line and flushes it.
   *
   * @throws IllegalArgumentException when its epoch does not follow the last written one
   */
  public void write(EpochRecord record) throws IOException {
    if (record.epoch() <= lastEpoch) {
      throw new IllegalArgumentException("epoch must be > " + lastEpoch + ", the last one in " + file
          + " (got " + record.epoch() + ")");
    }
    out.write(TrainingLog.format(record) + "\n");
    out.flush();
    lastEpoch = record.epoch();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
