package dev.polyphony.spark;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.EmbeddingFormatException;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.export.ParquetEmbeddingLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads an embedding export onto the driver inside a Spark application: the Parquet table of
 * {@code spark-embed} ({@link ParquetEmbeddingLayout}) with Spark's own Parquet reader, the file formats
 * (npy, fvecs, jsonl) with {@link EmbeddingExport}. The manifest is verified first. Parquet rows come in the
 * manifest's part-file order and file order, the order {@code polyphony export} and {@code retrieve} read them in,
 * so row numbers (and ties between equal scores) agree with the single machine.
 */
final class SparkEmbeddingInput {
  private SparkEmbeddingInput() {}

  static EmbeddingTable read(SparkSession spark, Path dir) throws IOException {
    ExportManifest manifest = EmbeddingExport.verify(dir);
    if (!ParquetEmbeddingLayout.describes(manifest)) {
      return EmbeddingExport.read(dir);
    }
    int dimension = manifest.dimension();
    List<String> ids = new ArrayList<>(manifest.count());
    float[] values = new float[Math.multiplyExact(manifest.count(), dimension)];
    for (ExportManifest.FileEntry entry : manifest.files()) {
      Path file = dir.resolve(entry.name()).toAbsolutePath();
      List<Row> rows = spark.read().parquet(file.toUri().toString())
          .select(ParquetEmbeddingLayout.ID_COLUMN, ParquetEmbeddingLayout.VECTOR_COLUMN).collectAsList();
      for (int r = 0; r < rows.size(); r++) {
        Row row = rows.get(r);
        String id = row.isNullAt(0) ? null : row.getString(0);
        if (id == null || row.isNullAt(1)) {
          throw new EmbeddingFormatException(file, "row " + r + ", field '" + (id == null
              ? ParquetEmbeddingLayout.ID_COLUMN : ParquetEmbeddingLayout.VECTOR_COLUMN) + "': is null");
        }
        List<Float> vector = row.getList(1);
        if (vector.size() != dimension) {
          throw new EmbeddingFormatException(file, "row " + r + " (id '" + id + "'), field '"
              + ParquetEmbeddingLayout.VECTOR_COLUMN + "': has " + vector.size() + " values, the manifest's dimension is "
              + dimension);
        }
        if (ids.size() == manifest.count()) {
          throw new EmbeddingFormatException(file, "row " + r + " is past the manifest's count of " + manifest.count());
        }
        int offset = ids.size() * dimension;
        for (int c = 0; c < dimension; c++) {
          Float v = vector.get(c);
          if (v == null) {
            throw new EmbeddingFormatException(file, "row " + r + " (id '" + id + "'), field '"
                + ParquetEmbeddingLayout.VECTOR_COLUMN + "': element " + c + " is null");
          }
          values[offset + c] = v;
        }
        ids.add(id);
      }
    }
    if (ids.size() != manifest.count()) {
      throw new EmbeddingFormatException(dir.resolve(ExportManifest.FILE_NAME), "row count mismatch: manifest says "
          + manifest.count() + " rows, the part files hold " + ids.size());
    }
    try {
      return new EmbeddingTable(manifest.nodeType(), ids, dimension, values, manifest.metadata());
    } catch (IllegalArgumentException e) {
      throw new EmbeddingFormatException(dir.resolve(ParquetEmbeddingLayout.TABLE), e.getMessage(), e);
    }
  }
}
