package dev.polyphony.export;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.ExportManifest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads any embedding export directory into an {@link EmbeddingTable}: the file formats of
 * {@link EmbeddingExport} (npy, fvecs, jsonl) and the Parquet table of {@code polyphony spark-embed}
 * ({@link ParquetEmbeddingLayout}, read by {@link ParquetEmbeddingReader}). Either way the manifest is
 * verified first (every listed file's size and SHA-256).
 */
public final class EmbeddingExports {
  private EmbeddingExports() {}

  /**
   * The table of the export in {@code dir}.
   *
   * @throws dev.polyphony.embedding.io.EmbeddingFormatException naming the file (and for Parquet the row and
   *     field) that is missing, damaged or disagrees with the manifest
   */
  public static EmbeddingTable read(Path dir) throws IOException {
    ExportManifest manifest = EmbeddingExport.verify(dir);
    if (ParquetEmbeddingLayout.describes(manifest)) {
      return ParquetEmbeddingReader.readVerified(dir, manifest);
    }
    return EmbeddingExport.read(dir);
  }
}
