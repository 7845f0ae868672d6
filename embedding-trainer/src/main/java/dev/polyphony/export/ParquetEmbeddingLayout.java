package dev.polyphony.export;

import dev.polyphony.embedding.io.ExportManifest;

/**
 * The layout of an embedding export written as a Parquet table (by {@code polyphony spark-embed}): a
 * directory holding {@value #TABLE}, whose part files have exactly two columns, {@value #ID_COLUMN}
 * (string, never null) and {@value #VECTOR_COLUMN} (list of float of the manifest's dimension, no null
 * element), and {@code manifest.json} ({@link ExportManifest}) listing no format, only the part files as
 * {@code embeddings.parquet/part-...parquet} with their sizes and SHA-256. Free of any Parquet class, so the
 * Spark job and the readers share it.
 */
public final class ParquetEmbeddingLayout {
  /** The table's directory within the export. */
  public static final String TABLE = "embeddings.parquet";
  /** The column of external ids. */
  public static final String ID_COLUMN = "id";
  /** The column of vectors. */
  public static final String VECTOR_COLUMN = "embedding";

  private ParquetEmbeddingLayout() {}

  /** Whether {@code manifest} describes a Parquet table export: no format, every file a part of {@value #TABLE}. */
  public static boolean describes(ExportManifest manifest) {
    return manifest.formats().isEmpty() && !manifest.files().isEmpty()
        && manifest.files().stream().allMatch(f -> f.name().startsWith(TABLE + "/") && f.name().endsWith(".parquet"));
  }
}
