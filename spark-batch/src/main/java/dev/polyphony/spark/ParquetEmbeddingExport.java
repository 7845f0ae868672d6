package dev.polyphony.spark;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.export.ParquetEmbeddingLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes the Spark job's embeddings as a Parquet table {@value #TABLE} (columns {@code id} string,
 * {@code embedding} array of float) into an export directory, with the {@code manifest.json} of the
 * single-machine export ({@link ExportManifest}): count, dimension, metric, normalisation, model hash,
 * properties, and the size and SHA-256 of every Parquet part file. The manifest lists no
 * {@link dev.polyphony.embedding.io.ExportFormat} (the table is read with Spark or a Parquet reader).
 *
 * <p>The layout is {@link ParquetEmbeddingLayout}, which {@code polyphony export} and {@code retrieve} read without
 * Spark. Atomic on a local file system ({@link ParquetTables}); the manifest, removed first and written last,
 * vouches for a complete table.
 */
public final class ParquetEmbeddingExport {
  /** The table's directory within the export. */
  public static final String TABLE = ParquetEmbeddingLayout.TABLE;

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
    List<ExportManifest.FileEntry> files = ParquetTables.write(embeddings, target, TABLE);
    Path table = target.resolve(TABLE);
    long count = embeddings.sparkSession().read().parquet(table.toUri().toString()).count();
    if (count > Integer.MAX_VALUE) {
      throw new IllegalStateException("the manifest counts rows in an int; the table has " + count);
    }
    ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT_VERSION, nodeType, (int) count, dimension,
        metadata, List.of(), files);
    manifest.write(target.resolve(ExportManifest.FILE_NAME));
    return manifest;
  }
}
