package dev.polyphony.spark;

import dev.polyphony.embedding.io.ExportManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;

/**
 * Writes a Spark table into an output directory atomically on a local file system: Spark writes to a hidden
 * directory beside the target, which then replaces the table's directory by a rename, so a reader never sees
 * a half-written table under the final name.
 */
final class ParquetTables {
  private ParquetTables() {}

  /**
   * Writes {@code rows} as Parquet to {@code dir/table} (replacing an older table of that name) and returns
   * the part files as manifest entries named {@code table/part-...parquet}, sorted by name.
   */
  static List<ExportManifest.FileEntry> write(Dataset<?> rows, Path dir, String table) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Files.createDirectories(target);
    Path tmp = target.resolve("." + table + ".tmp-" + UUID.randomUUID());
    try {
      rows.write().parquet(tmp.toUri().toString());
      deleteTree(target.resolve(table));
      Files.move(tmp, target.resolve(table), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(tmp);
    }
    List<ExportManifest.FileEntry> files = new ArrayList<>();
    try (Stream<Path> parts = Files.list(target.resolve(table))) {
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        ExportManifest.FileEntry entry = ExportManifest.FileEntry.of(part);
        files.add(new ExportManifest.FileEntry(table + "/" + entry.name(), entry.bytes(), entry.sha256()));
      }
    }
    return files;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
