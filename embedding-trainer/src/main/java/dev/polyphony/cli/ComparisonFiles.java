package dev.polyphony.cli;

import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A comparison a command writes to its output folder as a Markdown table and a JSON file, each atomically. */
final class ComparisonFiles {
  private ComparisonFiles() {}

  /**
   * Writes {@code markdown} to {@code dir/markdownName} and {@code report} as JSON to {@code dir/jsonName},
   * creating {@code dir} when missing, and returns the JSON text.
   */
  static String write(Path dir, String markdownName, String markdown, String jsonName, Object report)
      throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.writeString(dir.resolve(markdownName), markdown);
    String json = Json.write(report);
    AtomicFiles.writeString(dir.resolve(jsonName), json + "\n");
    return json;
  }
}
