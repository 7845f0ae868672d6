package dev.polyphony.cli;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.IngestException;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.TooManyRejectsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads one input into a graph snapshot plus a reject report. When too many rows are rejected, the rows
 * rejected so far are still written to the report, so the user can see what went wrong.
 */
public final class Ingestion {
  private Ingestion() {}

  /** Where the input came from, what was read and where it went. */
  public record Outcome(InputFormat format, Path input, IngestResult result, Path snapshot, Path rejects,
      Duration elapsed) {}

  /** The reject report beside a snapshot: {@code out.snap} gives {@code out.rejects.tsv}. */
  public static Path defaultRejectsPath(Path snapshot) {
    String name = snapshot.getFileName().toString();
    String stem = name.endsWith(".snap") ? name.substring(0, name.length() - ".snap".length()) : name;
    return snapshot.resolveSibling(stem + ".rejects.tsv");
  }

  public static Outcome run(InputFormat format, Path input, Path schemaFile, Path snapshot, Path rejectsFile,
      long maxRejects, ProgressTracker progress) throws IOException {
    if (!Files.exists(input)) {
      throw new IngestException("input not found: " + input);
    }
    if (schemaFile != null && !Files.isRegularFile(schemaFile)) {
      throw new IngestException("schema file not found: " + schemaFile);
    }
    long start = System.nanoTime();
    RejectReport rejects = new RejectReport(maxRejects);
    IngestResult result;
    try {
      result = format.reader(schemaFile).read(input, rejects, progress);
    } catch (TooManyRejectsException e) {
      rejects.writeTsv(rejectsFile);
      throw new IngestException(e.getMessage() + "; the rejected rows are listed in " + rejectsFile, e);
    }
    progress.begin("write snapshot", -1);
    GraphSnapshot.write(result.graph(), snapshot);
    progress.end();
    result.rejects().writeTsv(rejectsFile);
    return new Outcome(format, input, result, snapshot, rejectsFile,
        Duration.ofNanos(System.nanoTime() - start));
  }
}
