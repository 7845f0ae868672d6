package dev.polyphony.embedding.io;

import java.util.ArrayList;
import java.util.List;

/** The file formats an {@link EmbeddingExport} can write; each names the files it owns in the directory. */
public enum ExportFormat {
  /** NumPy {@code embeddings.npy} plus {@code ids.tsv}; see {@link NpyFile}. */
  NPY("npy", "embeddings.npy", true),
  /** {@code embeddings.fvecs} plus {@code ids.tsv}; see {@link FvecsFile}. */
  FVECS("fvecs", "embeddings.fvecs", true),
  /** {@code embeddings.jsonl} with ids inline; see {@link JsonLinesFile}. */
  JSONL("jsonl", "embeddings.jsonl", false),
  /**
   * A Voyager HNSW index {@code index.voy} (labels are rows) plus {@code ids.tsv} and the index's own
   * {@code index.json}: an index, not a table. The retrieval module builds and loads it, so
   * {@link EmbeddingExport} writes it only through a {@link EmbeddingExport.FormatWriter} and never reads it.
   */
  VOYAGER("voyager", "index.voy", true, "index.json");

  /** The row-to-id file shared by the formats without inline ids. */
  public static final String IDS_FILE = "ids.tsv";

  private final String label;
  private final String vectorFile;
  private final boolean needsIdsFile;
  private final List<String> extraFiles;

  ExportFormat(String label, String vectorFile, boolean needsIdsFile, String... extraFiles) {
    this.label = label;
    this.vectorFile = vectorFile;
    this.needsIdsFile = needsIdsFile;
    this.extraFiles = List.of(extraFiles);
  }

  /** The name used in manifests ({@code "npy"}, {@code "fvecs"}, {@code "jsonl"}, {@code "voyager"}). */
  public String label() {
    return label;
  }

  /** The file holding the vectors. */
  public String vectorFile() {
    return vectorFile;
  }

  /** Whether the vectors need {@link #IDS_FILE} beside them to know their ids. */
  public boolean needsIdsFile() {
    return needsIdsFile;
  }

  /** Whether this format holds a search index rather than a table (written and read by the retrieval module). */
  public boolean isIndex() {
    return this == VOYAGER;
  }

  /** Every file this format reads, vector file first. */
  public List<String> files() {
    List<String> files = new ArrayList<>();
    files.add(vectorFile);
    if (needsIdsFile) {
      files.add(IDS_FILE);
    }
    files.addAll(extraFiles);
    return List.copyOf(files);
  }

  /** The format named {@code label}; throws naming the accepted labels otherwise. */
  public static ExportFormat fromLabel(String label) {
    for (ExportFormat f : values()) {
      if (f.label.equals(label)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown export format '" + label + "' (expected npy, fvecs, jsonl or voyager)");
  }
}
