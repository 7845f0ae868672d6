package dev.polyphony.embedding.io;

import java.util.List;

/** The file formats an {@link EmbeddingExport} can write; each names the files it owns in the directory. */
public enum ExportFormat {
  /** NumPy {@code embeddings.npy} plus {@code ids.tsv}; see {@link NpyFile}. */
  NPY("npy", "embeddings.npy", true),
  /** {@code embeddings.fvecs} plus {@code ids.tsv}; see {@link FvecsFile}. */
  FVECS("fvecs", "embeddings.fvecs", true),
  /** {@code embeddings.jsonl} with ids inline; see {@link JsonLinesFile}. */
  JSONL("jsonl", "embeddings.jsonl", false);

  /** The row-to-id file shared by the formats without inline ids. */
  public static final String IDS_FILE = "ids.tsv";

  private final String label;
  private final String vectorFile;
  private final boolean needsIdsFile;

  ExportFormat(String label, String vectorFile, boolean needsIdsFile) {
    this.label = label;
    this.vectorFile = vectorFile;
    this.needsIdsFile = needsIdsFile;
  }

  /** The name used in manifests ({@code "npy"}, {@code "fvecs"}, {@code "jsonl"}). */
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

  /** Every file this format reads, vector file first. */
  public List<String> files() {
    return needsIdsFile ? List.of(vectorFile, IDS_FILE) : List.of(vectorFile);
  }

  /** The format named {@code label}; throws naming the accepted labels otherwise. */
  public static ExportFormat fromLabel(String label) {
    for (ExportFormat f : values()) {
      if (f.label.equals(label)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown export format '" + label + "' (expected npy, fvecs or jsonl)");
  }
}
