package dev.polyphony.embedding.io;

import java.io.IOException;
import java.nio.file.Path;

/** An embedding file that is malformed, truncated or disagrees with its manifest; names the file. */
public class EmbeddingFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public EmbeddingFormatException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public EmbeddingFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }
}
