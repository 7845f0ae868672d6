package dev.polyphony.embedding.io;

import dev.polyphony.embedding.EmbeddingTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@link EmbeddingTable} to a directory in chosen {@link ExportFormat}s with an
 * {@link ExportManifest}, and reads it back after verifying the manifest.
 *
 * <p>Index formats ({@link ExportFormat#isIndex()}) are written through a {@link FormatWriter} and only
 * verified here, never read.
 *
 * <p>Writing first removes an old manifest, then writes each data file atomically, then the manifest
 * last: a reader sees either no manifest (export incomplete) or a manifest whose checksums match
 * every file it lists. Reading checks every listed file's size and SHA-256, then the row count and
 * dimension of the vectors and ids against the manifest; any mismatch is an
 * {@link EmbeddingFormatException} naming the file with the expected and actual value.
 */
public final class EmbeddingExport {
  /** Formats tried by {@link #read(Path)}, fastest to load first. */
  private static final List<ExportFormat> READ_PREFERENCE =
      List.of(ExportFormat.NPY, ExportFormat.FVECS, ExportFormat.JSONL);

  private EmbeddingExport() {}

  /**
   * Writes the files of a format this class does not write itself, such as a {@link ExportFormat#VOYAGER}
   * index: every file of {@link ExportFormat#files()} into {@code dir}, each atomically. An
   * {@code ids.tsv} it writes must hold the table's ids in row order, as {@link IdsTsvFile} writes them.
   */
  @FunctionalInterface
  public interface FormatWriter {
    void write(EmbeddingTable table, Path dir) throws IOException;
  }

  /** Writes {@code table} into {@code dir} in every format of {@code formats}; returns the manifest written. */
  public static ExportManifest write(EmbeddingTable table, Path dir, Set<ExportFormat> formats)
      throws IOException {
    return write(table, dir, formats, Map.of());
  }

  /**
   * Writes {@code table} into {@code dir} in every format of {@code formats}, the index formats through
   * {@code writers}; returns the manifest written, which lists the files of every format.
   *
   * @throws IllegalArgumentException when an index format has no writer
   */
  public static ExportManifest write(EmbeddingTable table, Path dir, Set<ExportFormat> formats,
      Map<ExportFormat, FormatWriter> writers) throws IOException {
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("formats must name at least one format (got none)");
    }
    for (ExportFormat format : formats) {
      if (format.isIndex() && !writers.containsKey(format)) {
        throw new IllegalArgumentException("format " + format.label() + " is a search index; it is written by"
            + " the retrieval module, not by " + EmbeddingExport.class.getSimpleName() + " alone");
      }
    }
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(ExportManifest.FILE_NAME));
    List<ExportFormat> ordered = new ArrayList<>(EnumSet.copyOf(formats));
    Set<String> written = new LinkedHashSet<>();
    for (ExportFormat format : ordered) {
      Path vectors = dir.resolve(format.vectorFile());
      switch (format) {
        case NPY -> NpyFile.write(vectors, table);
        case FVECS -> FvecsFile.write(vectors, table);
        case JSONL -> JsonLinesFile.write(vectors, table);
        default -> writers.get(format).write(table, dir);
      }
      for (String name : format.files()) {
        if (written.add(name) && name.equals(ExportFormat.IDS_FILE) && !format.isIndex()) {
          IdsTsvFile.write(dir.resolve(ExportFormat.IDS_FILE), table.ids());
        }
      }
    }
    List<ExportManifest.FileEntry> entries = new ArrayList<>();
    for (String name : written) {
      entries.add(ExportManifest.FileEntry.of(dir.resolve(name)));
    }
    ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT_VERSION, table.nodeType(), table.size(),
        table.dimension(), table.metadata(), ordered, entries);
    manifest.write(dir.resolve(ExportManifest.FILE_NAME));
    return manifest;
  }

  /** Reads {@code dir} from the first format present among npy, fvecs, jsonl, after {@link #verify}. */
  public static EmbeddingTable read(Path dir) throws IOException {
    ExportManifest manifest = verify(dir);
    for (ExportFormat format : READ_PREFERENCE) {
      if (manifest.formats().contains(format)) {
        return readVerified(dir, manifest, format);
      }
    }
    throw new EmbeddingFormatException(dir.resolve(ExportManifest.FILE_NAME), "lists no table format (npy, fvecs"
        + " or jsonl), only " + manifest.formats().stream().map(ExportFormat::label).toList());
  }

  /** Reads {@code dir} from {@code format} (a table format, not an index), after {@link #verify}. */
  public static EmbeddingTable read(Path dir, ExportFormat format) throws IOException {
    if (format.isIndex()) {
      throw new IllegalArgumentException("format " + format.label() + " is a search index, not a table;"
          + " load it with the retrieval module");
    }
    ExportManifest manifest = verify(dir);
    if (!manifest.formats().contains(format)) {
      throw new EmbeddingFormatException(dir.resolve(ExportManifest.FILE_NAME), "lists formats "
          + manifest.formats().stream().map(ExportFormat::label).toList() + ", not " + format.label());
    }
    return readVerified(dir, manifest, format);
  }

  /**
   * Reads the manifest of {@code dir} and checks that every file it lists, and every file its formats
   * need, exists with the listed byte size and SHA-256.
   */
  public static ExportManifest verify(Path dir) throws IOException {
    Path manifestFile = dir.resolve(ExportManifest.FILE_NAME);
    ExportManifest manifest = ExportManifest.read(manifestFile);
    for (ExportFormat format : manifest.formats()) {
      for (String name : format.files()) {
        if (manifest.file(name).isEmpty()) {
          throw new EmbeddingFormatException(manifestFile, "format " + format.label() + " needs " + name
              + ", which is not listed");
        }
      }
    }
    for (ExportManifest.FileEntry entry : manifest.files()) {
      entry.verify(dir, ExportManifest.FILE_NAME);
    }
    return manifest;
  }

  private static EmbeddingTable readVerified(Path dir, ExportManifest manifest, ExportFormat format)
      throws IOException {
    Path vectorFile = dir.resolve(format.vectorFile());
    LabeledVectors vectors;
    if (format == ExportFormat.JSONL) {
      vectors = JsonLinesFile.read(vectorFile);
      checkShape(vectorFile, manifest, vectors.matrix());
    } else {
      FloatMatrix matrix = format == ExportFormat.NPY
          ? NpyFile.read(vectorFile)
          : FvecsFile.read(vectorFile, manifest.dimension());
      checkShape(vectorFile, manifest, matrix);
      Path idsFile = dir.resolve(ExportFormat.IDS_FILE);
      List<String> ids = IdsTsvFile.read(idsFile);
      if (ids.size() != manifest.count()) {
        throw new EmbeddingFormatException(idsFile, "row count mismatch: manifest says " + manifest.count()
            + " rows, file has " + ids.size());
      }
      vectors = new LabeledVectors(ids, matrix);
    }
    try {
      return new EmbeddingTable(manifest.nodeType(), vectors.ids(), manifest.dimension(),
          vectors.matrix().values(), manifest.metadata());
    } catch (IllegalArgumentException e) {
      throw new EmbeddingFormatException(vectorFile, e.getMessage(), e);
    }
  }

  private static void checkShape(Path file, ExportManifest manifest, FloatMatrix matrix)
      throws EmbeddingFormatException {
    if (matrix.rows() != manifest.count()) {
      throw new EmbeddingFormatException(file, "row count mismatch: manifest says " + manifest.count()
          + " rows, file has " + matrix.rows());
    }
    if (matrix.rows() > 0 && matrix.columns() != manifest.dimension()) {
      throw new EmbeddingFormatException(file, "dimension mismatch: manifest says " + manifest.dimension()
          + ", file has " + matrix.columns());
    }
  }
}
