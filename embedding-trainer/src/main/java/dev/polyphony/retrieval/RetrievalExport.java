package dev.polyphony.retrieval;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.EmbeddingFormatException;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.embedding.io.ExportManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Embedding exports for retrieval services: the table formats of {@link EmbeddingExport} plus the
 * {@link ExportFormat#VOYAGER} index, built with {@link AnnIndex} and saved into the same directory
 * ({@value AnnIndex#INDEX_FILE}, {@value AnnIndex#IDS_FILE}, {@code index.json}), every file listed with
 * its SHA-256 in one {@code manifest.json}.
 */
public final class RetrievalExport {
  private RetrievalExport() {}

  /**
   * Writes {@code table} into {@code dir} in {@code formats}; a Voyager index is built with
   * {@code indexConfig}, whose metric must be the table's.
   */
  public static ExportManifest write(EmbeddingTable table, Path dir, Set<ExportFormat> formats,
      AnnIndexConfig indexConfig) throws IOException {
    if (indexConfig.metric() != table.metadata().metric()) {
      throw new IllegalArgumentException("index metric " + indexConfig.metric().label() + " differs from the"
          + " table's metric " + table.metadata().metric().label());
    }
    EmbeddingExport.FormatWriter voyager = (t, d) -> {
      try (AnnIndex index = AnnIndex.build(t, indexConfig)) {
        index.save(d);
      }
    };
    return EmbeddingExport.write(table, dir, formats, Map.of(ExportFormat.VOYAGER, voyager));
  }

  /** Whether the export in {@code dir} holds a Voyager index (its manifest lists the format). */
  public static boolean hasIndex(ExportManifest manifest) {
    return manifest.formats().contains(ExportFormat.VOYAGER);
  }

  /**
   * Loads the Voyager index of the export in {@code dir} after verifying the manifest, with the saved
   * parameters; throws naming the manifest when it lists no index.
   */
  public static AnnIndex loadIndex(Path dir) throws IOException {
    ExportManifest manifest = EmbeddingExport.verify(dir);
    if (!hasIndex(manifest)) {
      throw new EmbeddingFormatException(dir.resolve(ExportManifest.FILE_NAME), "lists no voyager index (formats "
          + manifest.formats().stream().map(ExportFormat::label).toList() + ")");
    }
    return AnnIndex.load(dir);
  }
}
