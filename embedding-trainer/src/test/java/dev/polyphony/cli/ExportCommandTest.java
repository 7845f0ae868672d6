package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.embedding.io.ExportManifest;
import dev.polyphony.embedding.io.FvecsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir
  Path dir;

  private final EmbeddingTable table = new ClusteredEmbeddings(300, 8, 4, 0.3, 9).table("track", Metric.COSINE);

  private Path source() throws Exception {
    Path source = dir.resolve("source");
    EmbeddingExport.write(table, source, Set.of(ExportFormat.JSONL));
    return source;
  }

  @Test
  void writesEveryRequestedFormatWithAManifest() throws Exception {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("export", "--embeddings", source().toString(), "--format", "npy,fvecs", "--format",
        "voyager", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote 300 x 8 track embeddings (cosine, model synthetic-clustered-9)",
        "embeddings.npy", "embeddings.fvecs", "ids.tsv", "index.voy", "index.json", "manifest.json");
    ExportManifest manifest = EmbeddingExport.verify(out);
    assertThat(manifest.formats()).containsExactly(ExportFormat.NPY, ExportFormat.FVECS, ExportFormat.VOYAGER);
    assertThat(EmbeddingExport.read(out, ExportFormat.NPY)).isEqualTo(table);
    assertThat(EmbeddingExport.read(out, ExportFormat.FVECS)).isEqualTo(table);
    assertThat(FvecsFile.read(out.resolve("embeddings.fvecs"), 8).rows()).isEqualTo(300);
  }

  /** The Parquet table {@code spark-embed} wrote (a committed test resource), rewritten as npy. */
  @Test
  void readsTheParquetTableOfSparkEmbed() throws Exception {
    Path spark = dir.resolve("spark");
    Files.createDirectories(spark.resolve("embeddings.parquet"));
    String base = "/dev/polyphony/export/spark-export/";
    try (var in = getClass().getResourceAsStream(base + ExportManifest.FILE_NAME)) {
      Files.copy(in, spark.resolve(ExportManifest.FILE_NAME));
    }
    for (ExportManifest.FileEntry f : ExportManifest.read(spark.resolve(ExportManifest.FILE_NAME)).files()) {
      try (var in = getClass().getResourceAsStream(base + f.name())) {
        Files.copy(in, spark.resolve(f.name()));
      }
    }
    Path out = dir.resolve("npy");

    CliRun run = CliRun.of("export", "--embeddings", spark.toString(), "--format", "npy", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote 5 x 3 track embeddings (cosine, model fixture-model)");
    EmbeddingTable npy = EmbeddingExport.read(out, ExportFormat.NPY);
    assertThat(npy.vector(npy.rowOf("t1"))).containsExactly(1e-3f, 0.1f, -7.75f);
  }

  @Test
  void badOptionsAreUsageErrorsAndBadInputNamesTheFile() throws Exception {
    CliRun format = CliRun.of("export", "--embeddings", source().toString(), "--format", "parquet", "--out",
        dir.resolve("x").toString());
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("unknown export format 'parquet' (expected npy, fvecs, jsonl or voyager)");
    CliRun m = CliRun.of("export", "--embeddings", source().toString(), "--format", "voyager", "--m", "1", "--out",
        dir.resolve("x").toString());
    assertThat(m.exitCode()).isEqualTo(2);
    assertThat(m.err()).contains("m must be in [2, 512] (got 1)");

    Path source = source();
    Path jsonl = source.resolve("embeddings.jsonl");
    byte[] bytes = Files.readAllBytes(jsonl);
    Files.write(jsonl, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    CliRun truncated = CliRun.of("export", "--embeddings", source.toString(), "--format", "npy", "--out",
        dir.resolve("y").toString());
    assertThat(truncated.exitCode()).isEqualTo(1);
    assertThat(truncated.err()).contains("polyphony: error: " + jsonl + ": size mismatch");
  }
}
