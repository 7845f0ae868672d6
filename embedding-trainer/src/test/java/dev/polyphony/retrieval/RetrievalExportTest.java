package dev.polyphony.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.EmbeddingFormatException;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.embedding.io.ExportManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalExportTest {
  @TempDir
  Path dir;

  private final EmbeddingTable table = new ClusteredEmbeddings(500, 8, 5, 0.3, 3).table("track", Metric.COSINE);

  @Test
  void voyagerIndexIsListedInTheManifestBesideTheTable() throws Exception {
    ExportManifest manifest = RetrievalExport.write(table, dir, EnumSet.of(ExportFormat.NPY, ExportFormat.VOYAGER),
        AnnIndexConfig.defaults(Metric.COSINE).withThreads(1));
    assertThat(ExportFormat.VOYAGER.files()).containsExactly(AnnIndex.INDEX_FILE, AnnIndex.IDS_FILE,
        AnnIndexDescription.FILE_NAME);
    assertThat(manifest.formats()).containsExactly(ExportFormat.NPY, ExportFormat.VOYAGER);
    assertThat(manifest.files()).extracting(ExportManifest.FileEntry::name)
        .containsExactly("embeddings.npy", "ids.tsv", "index.voy", "index.json");
    assertThat(EmbeddingExport.read(dir)).isEqualTo(table);
    try (AnnIndex index = RetrievalExport.loadIndex(dir); ExactIndex exact = ExactIndex.build(table)) {
      assertThat(index.size()).isEqualTo(500);
      assertThat(index.search(table.vector(17), 5).ids()).isEqualTo(exact.search(table.vector(17), 5).ids());
    }
  }

  @Test
  void aTamperedIndexFileFailsVerification() throws Exception {
    RetrievalExport.write(table, dir, Set.of(ExportFormat.VOYAGER), AnnIndexConfig.defaults(Metric.COSINE));
    byte[] bytes = Files.readAllBytes(dir.resolve("index.voy"));
    bytes[bytes.length / 2] ^= 1;
    Files.write(dir.resolve("index.voy"), bytes);
    assertThatThrownBy(() -> RetrievalExport.loadIndex(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageContaining("index.voy: SHA-256 mismatch: manifest.json says");
  }

  @Test
  void exportWithoutIndexSaysSo() throws Exception {
    RetrievalExport.write(table, dir, Set.of(ExportFormat.JSONL), AnnIndexConfig.defaults(Metric.COSINE));
    assertThatThrownBy(() -> RetrievalExport.loadIndex(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageEndingWith("manifest.json: lists no voyager index (formats [jsonl])");
    assertThatThrownBy(() -> RetrievalExport.write(table, dir, Set.of(ExportFormat.VOYAGER),
        AnnIndexConfig.defaults(Metric.INNER_PRODUCT)))
        .hasMessage("index metric inner_product differs from the table's metric cosine");
  }
}
