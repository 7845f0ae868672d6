package dev.polyphony.report;

import java.io.IOException;
import java.nio.file.Path;

/** A line of a {@link TrainingLog} that cannot be read; names the file, the 1-based line and the field. */
public final class TrainingLogException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String field;

  public TrainingLogException(Path file, int line, String field, String problem) {
    super(file + ":" + line + ": field '" + field + "': " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }

  /** The field at fault, dotted for nested ones ({@code loss.content}); {@code (line)} for the line as a whole. */
  public String field() {
    return field;
  }
}
