package dev.polyphony.spark;

import dev.polyphony.embedding.EmbeddingMetadata;
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
import org.apache.spark.sql.Row;

/**
 * Writes the Spark job's embeddings as a Parquet table {@value #TABLE} (columns {@code id} string,
 * {@code embedding} array of float) into an export directory, with the {@code manifest.json} of the
 * single-machine export ({@link ExportManifest}): count, dimension, metric, normalisation, model hash,
 * properties, and the size and SHA-256 of every Parquet part file. The manifest lists no
 * {@link dev.polyphony.embedding.io.ExportFormat} (the table is read with Spark or a Parquet reader).
 *
 * <p>Atomic on a local file system: Spark writes to a hidden directory beside the target, which then replaces
 * {@value #TABLE} by a rename; the manifest, removed first and written last, vouches for a complete table.
 */
public final class ParquetEmbeddingExport {
  /** The table's directory within the export. */
  public static final String TABLE = "embeddings.parquet";

  private ParquetEmbeddingExport() {}

  /**
   * Writes {@code embeddings} to {@code dir}.
   *
   * @return the manifest written
   */
  public static ExportManifest write(Dataset<Row> embeddings, Path dir, String nodeType, int dimension,
      EmbeddingMetadata metadata) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Files.createDirectories(target);
    Files.deleteIfExists(target.resolve(ExportManifest.FILE_NAME));
    Path tmp = target.resolve("." + TABLE + ".tmp-" + UUID.randomUUID());
    try {
      embeddings.write().parquet(tmp.toUri().toString());
      deleteTree(target.resolve(TABLE));
      Files.move(tmp, target.resolve(TABLE), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(tmp);
    }
    Path table = target.resolve(TABLE);
    List<ExportManifest.FileEntry> files = new ArrayList<>();
    try (Stream<Path> parts = Files.list(table)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        ExportManifest.FileEntry entry = ExportManifest.FileEntry.of(part);
        files.add(new ExportManifest.FileEntry(TABLE + "/" + entry.name(), entry.bytes(), entry.sha256()));
      }
    }
    long count = embeddings.sparkSession().read().parquet(table.toUri().toString()).count();
    if (count > Integer.MAX_VALUE) {
      throw new IllegalStateException("the manifest counts rows in an int; the table has " + count);
    }
    ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT_VERSION, nodeType, (int) count, dimension,
        metadata, List.of(), files);
    manifest.write(target.resolve(ExportManifest.FILE_NAME));
    return manifest;
  }

  private static void deleteTree(Path root) throws IOException {
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
