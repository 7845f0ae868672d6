package dev.polyphony.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.EmbeddingFormatException;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.export.SparkLayoutParquet.Row;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetEmbeddingReaderTest {
  private static final EmbeddingMetadata METADATA = new EmbeddingMetadata("m1", Metric.COSINE, Normalization.NONE,
      Instant.parse("2026-01-01T00:00:00Z"), Map.of("engine", "spark"));

  @TempDir
  Path dir;

  /** Writes each file's rows as a part file and a manifest counting {@code count} rows of {@code dimension}. */
  private Path export(MessageType schema, int count, int dimension, List<List<Row>> files) throws IOException {
    Path table = dir.resolve(ParquetEmbeddingLayout.TABLE);
    Files.createDirectories(table);
    List<ExportManifest.FileEntry> entries = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path part = table.resolve(String.format("part-%05d.snappy.parquet", i));
      SparkLayoutParquet.write(part, schema, files.get(i));
      ExportManifest.FileEntry e = ExportManifest.FileEntry.of(part);
      entries.add(new ExportManifest.FileEntry(ParquetEmbeddingLayout.TABLE + "/" + e.name(), e.bytes(), e.sha256()));
    }
    new ExportManifest(ExportManifest.FORMAT_VERSION, "track", count, dimension, METADATA, List.of(), entries)
        .write(dir.resolve(ExportManifest.FILE_NAME));
    return dir;
  }

  private static List<Row> rows(Object... idsAndVectors) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < idsAndVectors.length; i += 2) {
      rows.add(new Row((String) idsAndVectors[i], (float[]) idsAndVectors[i + 1]));
    }
    return rows;
  }

  @Test
  void readsPartFilesInManifestOrderWithExactValues() throws Exception {
    export(SparkLayoutParquet.SPARK, 3, 2, List.of(
        rows("b", new float[] {0.5f, -1.25f}, "a", new float[] {1e-3f, 3f}),
        rows("c", new float[] {-0.0625f, 7.75f})));

    EmbeddingTable table = ParquetEmbeddingReader.read(dir);

    assertThat(table).isEqualTo(new EmbeddingTable("track", List.of("b", "a", "c"), 2,
        new float[] {0.5f, -1.25f, 1e-3f, 3f, -0.0625f, 7.75f}, METADATA));
    assertThat(EmbeddingExports.read(dir)).isEqualTo(table);
  }

  /** A table written by {@code spark-embed}'s own writer (Spark 3.5, snappy, two part files) and committed. */
  @Test
  void readsTheTableSparkWrote() throws Exception {
    Path fixture = dir.resolve("spark-export");
    Files.createDirectories(fixture.resolve(ParquetEmbeddingLayout.TABLE));
    ExportManifest manifest = ExportManifest.read(copy("manifest.json", fixture));
    for (ExportManifest.FileEntry f : manifest.files()) {
      copy(f.name(), fixture);
    }

    EmbeddingTable table = EmbeddingExports.read(fixture);

    assertThat(table.size()).isEqualTo(5);
    assertThat(table.metadata().modelHash()).isEqualTo("fixture-model");
    Map<String, float[]> expected = Map.of("t0", new float[] {0.5f, -1.25f, 3.0f},
        "t1", new float[] {1e-3f, 0.1f, -7.75f}, "t2", new float[] {0f, 2.5f, 0.333f},
        "t3", new float[] {-0.0625f, 4f, 1f}, "t4", new float[] {1f, 1f, 1f});
    assertThat(table.ids()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((id, v) -> assertThat(table.vector(table.rowOf(id))).containsExactly(v));
  }

  private static Path copy(String name, Path to) throws IOException {
    try (InputStream in = ParquetEmbeddingReaderTest.class.getResourceAsStream("spark-export/" + name)) {
      assertThat(in).as(name).isNotNull();
      Path target = to.resolve(name);
      Files.copy(in, target);
      return target;
    }
  }

  @Test
  void aVectorOfTheWrongLengthIsNamedWithFileRowAndField() throws Exception {
    export(SparkLayoutParquet.SPARK, 2, 2, List.of(rows("a", new float[] {1f, 2f}, "b", new float[] {1f, 2f, 3f})));

    assertThatThrownBy(() -> EmbeddingExports.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageContaining("part-00000.snappy.parquet")
        .hasMessageContaining("row 1 (id 'b'), field 'embedding': has 3 values, the manifest's dimension is 2");
  }

  @Test
  void aDuplicateIdAcrossPartFilesNamesBothPlaces() throws Exception {
    export(SparkLayoutParquet.SPARK, 2, 1, List.of(rows("a", new float[] {1f}), rows("a", new float[] {2f})));

    assertThatThrownBy(() -> EmbeddingExports.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageContaining("part-00001.snappy.parquet: row 0 (id 'a'), field 'id': duplicate id 'a' (first in "
            + "embeddings.parquet/part-00000.snappy.parquet row 0)");
  }

  @Test
  void aMissingOrExtraColumnIsNamed() throws Exception {
    export(SparkLayoutParquet.IDS_ONLY, 1, 1, List.of(rows("a", null)));
    assertThatThrownBy(() -> EmbeddingExports.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageContaining("part-00000.snappy.parquet: missing field 'embedding' (columns: [id])");

    export(SparkLayoutParquet.EXTRA, 1, 1, List.of(rows("a", new float[] {1f})));
    assertThatThrownBy(() -> EmbeddingExports.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageContaining("part-00000.snappy.parquet: unexpected field(s) extra (expected exactly id, embedding)");
  }

  @Test
  void aNullVectorAndACountDifferentFromTheManifestAreErrors() throws Exception {
    export(SparkLayoutParquet.SPARK, 2, 1, List.of(rows("a", new float[] {1f}, "b", null)));
    assertThatThrownBy(() -> EmbeddingExports.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageContaining("row 1 (id 'b'), field 'embedding': is null");

    export(SparkLayoutParquet.SPARK, 3, 1, List.of(rows("a", new float[] {1f}, "b", new float[] {2f})));
    assertThatThrownBy(() -> EmbeddingExports.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageContaining("manifest.json: row count mismatch: manifest says 3 rows, the part files hold 2");
  }

  @Test
  void theFileFormatsStillReadThroughTheSameEntryPoint() throws Exception {
    EmbeddingTable table = new EmbeddingTable("track", List.of("x", "y"), 2, new float[] {1f, 0f, 0f, 1f}, METADATA);
    EmbeddingExport.write(table, dir, EnumSet.of(ExportFormat.NPY));

    assertThat(EmbeddingExports.read(dir)).isEqualTo(table);
  }
}
