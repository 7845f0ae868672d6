package dev.polyphony.embedding.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingFixture;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmbeddingExportTest {
  @TempDir
  Path dir;

  private final EmbeddingTable table = EmbeddingFixture.threeTracks();

  @ParameterizedTest
  @EnumSource(value = ExportFormat.class, names = "VOYAGER", mode = EnumSource.Mode.EXCLUDE)
  void eachFormatRoundTripsTheWholeTable(ExportFormat format) throws Exception {
    EmbeddingExport.write(table, dir, Set.of(format));
    assertThat(EmbeddingExport.read(dir)).isEqualTo(table);
    assertThat(EmbeddingExport.read(dir, format)).isEqualTo(table);
  }

  @Test
  void allFormatsTogetherShareOneIdsFileAndReadAlike() throws Exception {
    EmbeddingTable big = new ClusteredEmbeddings(2_000, 16, 10, 0.2, 5).table("track", Metric.INNER_PRODUCT);
    Set<ExportFormat> tables = EnumSet.of(ExportFormat.NPY, ExportFormat.FVECS, ExportFormat.JSONL);
    ExportManifest manifest = EmbeddingExport.write(big, dir, tables);
    assertThat(manifest.files()).extracting(ExportManifest.FileEntry::name)
        .containsExactly("embeddings.npy", "ids.tsv", "embeddings.fvecs", "embeddings.jsonl");
    for (ExportFormat format : tables) {
      assertThat(EmbeddingExport.read(dir, format)).as(format.label()).isEqualTo(big);
    }
  }

  @Test
  void manifestDescribesTheTableAndEveryFile() throws Exception {
    ExportManifest written = EmbeddingExport.write(table, dir, EnumSet.of(ExportFormat.NPY, ExportFormat.JSONL));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    assertThat(json.get("format_version").asInt()).isEqualTo(1);
    assertThat(json.get("node_type").asText()).isEqualTo("track");
    assertThat(json.get("count").asInt()).isEqualTo(3);
    assertThat(json.get("dimension").asInt()).isEqualTo(4);
    assertThat(json.get("metric").asText()).isEqualTo("cosine");
    assertThat(json.get("normalization").asText()).isEqualTo("none");
    assertThat(json.get("model_hash").asText()).isEqualTo("sha256:0f3a");
    assertThat(json.get("created_at").asText()).isEqualTo("2024-05-01T12:30:15.123456Z");
    assertThat(json.get("properties").get("run").asText()).isEqualTo("nightly-42");
    assertThat(json.get("formats").toString()).isEqualTo("[\"npy\",\"jsonl\"]");
    JsonNode npy = json.get("files").get(0);
    assertThat(npy.get("name").asText()).isEqualTo("embeddings.npy");
    assertThat(npy.get("bytes").asLong()).isEqualTo(176).isEqualTo(Files.size(dir.resolve("embeddings.npy")));
    assertThat(npy.get("sha256").asText()).hasSize(64).isEqualTo(Checksums.sha256(dir.resolve("embeddings.npy")));
    assertThat(ExportManifest.read(dir.resolve("manifest.json"))).isEqualTo(written);
    assertThat(Files.exists(dir.resolve("embeddings.fvecs"))).isFalse();
  }

  @Test
  void checksumMismatchNamesTheFile() throws Exception {
    EmbeddingExport.write(table, dir, Set.of(ExportFormat.NPY));
    Path npy = dir.resolve("embeddings.npy");
    byte[] bytes = Files.readAllBytes(npy);
    bytes[bytes.length - 1] ^= 1;
    Files.write(npy, bytes);
    assertThatThrownBy(() -> EmbeddingExport.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageStartingWith(npy + ": SHA-256 mismatch: manifest.json says ")
        .hasMessageContaining(", file has " + Checksums.sha256(npy));
  }

  @Test
  void truncatedOrMissingFilesAreErrors() throws Exception {
    EmbeddingExport.write(table, dir, Set.of(ExportFormat.FVECS));
    Path fvecs = dir.resolve("embeddings.fvecs");
    byte[] bytes = Files.readAllBytes(fvecs);
    Files.write(fvecs, java.util.Arrays.copyOf(bytes, 50));
    assertThatThrownBy(() -> EmbeddingExport.read(dir))
        .hasMessage(fvecs + ": size mismatch: manifest.json says 60 bytes, file has 50");
    Files.delete(fvecs);
    assertThatThrownBy(() -> EmbeddingExport.read(dir))
        .hasMessage(fvecs + ": listed in manifest.json but missing");
    Files.delete(dir.resolve("manifest.json"));
    assertThatThrownBy(() -> EmbeddingExport.read(dir))
        .hasMessage(dir.resolve("manifest.json") + ": file not found");
  }

  @Test
  void idsCountDifferentFromTheVectorsIsAnErrorEvenWithValidChecksums() throws Exception {
    ExportManifest manifest = EmbeddingExport.write(table, dir, Set.of(ExportFormat.NPY));
    Path ids = dir.resolve("ids.tsv");
    Files.writeString(ids, "row\tid\n0\tspotify:track:a\n1\tspotify:track:b\n");
    rewriteChecksums(manifest);
    assertThatThrownBy(() -> EmbeddingExport.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessage(ids + ": row count mismatch: manifest says 3 rows, file has 2");
  }

  @Test
  void vectorCountDifferentFromTheManifestIsAnError() throws Exception {
    EmbeddingExport.write(table, dir, Set.of(ExportFormat.JSONL));
    Path jsonl = dir.resolve("embeddings.jsonl");
    List<String> lines = Files.readAllLines(jsonl);
    Files.write(jsonl, lines.subList(0, 2));
    rewriteChecksums(ExportManifest.read(dir.resolve("manifest.json")));
    assertThatThrownBy(() -> EmbeddingExport.read(dir))
        .hasMessage(jsonl + ": row count mismatch: manifest says 3 rows, file has 2");
  }

  @Test
  void readingAFormatTheManifestDoesNotListIsAnError() throws Exception {
    EmbeddingExport.write(table, dir, Set.of(ExportFormat.JSONL));
    assertThatThrownBy(() -> EmbeddingExport.read(dir, ExportFormat.NPY))
        .hasMessage(dir.resolve("manifest.json") + ": lists formats [jsonl], not npy");
  }

  @Test
  void manifestWithMissingFieldsOrUnknownVersionIsRejected() throws Exception {
    EmbeddingExport.write(table, dir, Set.of(ExportFormat.JSONL));
    Path manifest = dir.resolve("manifest.json");
    String text = Files.readString(manifest);
    Files.writeString(manifest, text.replace("\"format_version\" : 1", "\"format_version\" : 7"));
    assertThatThrownBy(() -> EmbeddingExport.read(dir))
        .hasMessage(manifest + ": field 'format_version' is 7, this reader supports 1");
    Files.writeString(manifest, text.replace("\"count\" : 3,", ""));
    assertThatThrownBy(() -> EmbeddingExport.read(dir)).hasMessage(manifest + ": missing field 'count'");
    Files.writeString(manifest, text.replace("\"metric\" : \"cosine\"", "\"metric\" : \"l1\""));
    assertThatThrownBy(() -> EmbeddingExport.read(dir))
        .hasMessage(manifest + ": unknown metric 'l1' (expected cosine or inner_product)");
  }

  @Test
  void rewritingAnExportReplacesItsManifest() throws Exception {
    EmbeddingExport.write(table, dir, Set.of(ExportFormat.JSONL));
    EmbeddingTable other = new ClusteredEmbeddings(5, 4, 2, 0.1, 1).table("track", Metric.COSINE);
    EmbeddingExport.write(other, dir, Set.of(ExportFormat.NPY));
    assertThat(EmbeddingExport.read(dir)).isEqualTo(other);
    assertThat(EmbeddingExport.verify(dir).formats()).containsExactly(ExportFormat.NPY);
  }

  /** Makes the manifest agree with the files on disk, as a careless writer would. */
  private void rewriteChecksums(ExportManifest manifest) throws Exception {
    List<ExportManifest.FileEntry> entries = new ArrayList<>();
    for (ExportManifest.FileEntry e : manifest.files()) {
      entries.add(ExportManifest.FileEntry.of(dir.resolve(e.name())));
    }
    new ExportManifest(manifest.formatVersion(), manifest.nodeType(), manifest.count(), manifest.dimension(),
        manifest.metadata(), manifest.formats(), entries).write(dir.resolve("manifest.json"));
  }

  @Test
  void indexFormatIsWrittenOnlyThroughAWriterAndListedWithAllItsFiles() throws Exception {
    assertThatThrownBy(() -> EmbeddingExport.write(table, dir, Set.of(ExportFormat.VOYAGER)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voyager is a search index");
    EmbeddingExport.FormatWriter writer = (t, d) -> {
      Files.write(d.resolve("index.voy"), new byte[] {1, 2, 3});
      IdsTsvFile.write(d.resolve(ExportFormat.IDS_FILE), t.ids());
      Files.writeString(d.resolve("index.json"), "{}");
    };
    ExportManifest manifest = EmbeddingExport.write(table, dir, EnumSet.of(ExportFormat.NPY, ExportFormat.VOYAGER),
        java.util.Map.of(ExportFormat.VOYAGER, writer));
    assertThat(manifest.formats()).containsExactly(ExportFormat.NPY, ExportFormat.VOYAGER);
    assertThat(manifest.files()).extracting(ExportManifest.FileEntry::name)
        .containsExactly("embeddings.npy", "ids.tsv", "index.voy", "index.json");
    assertThat(EmbeddingExport.verify(dir).file("index.voy").orElseThrow().bytes()).isEqualTo(3);
    assertThat(EmbeddingExport.read(dir)).isEqualTo(table);
    assertThatThrownBy(() -> EmbeddingExport.read(dir, ExportFormat.VOYAGER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a table");
  }

  @Test
  void anExportWithOnlyAnIndexHasNoTableToRead() throws Exception {
    EmbeddingExport.FormatWriter writer = (t, d) -> {
      Files.write(d.resolve("index.voy"), new byte[] {1});
      IdsTsvFile.write(d.resolve(ExportFormat.IDS_FILE), t.ids());
      Files.writeString(d.resolve("index.json"), "{}");
    };
    EmbeddingExport.write(table, dir, Set.of(ExportFormat.VOYAGER), java.util.Map.of(ExportFormat.VOYAGER, writer));
    assertThatThrownBy(() -> EmbeddingExport.read(dir)).isInstanceOf(EmbeddingFormatException.class)
        .hasMessageContaining("lists no table format (npy, fvecs or jsonl), only [voyager]");
  }
}
