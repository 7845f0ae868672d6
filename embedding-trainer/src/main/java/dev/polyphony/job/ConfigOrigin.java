package dev.polyphony.job;

import java.util.Objects;

/**
 * Where a job setting came from: a file (with the line of the key when the parser knows it) or a
 * {@code --set} override.
 *
 * @param source the file name, or {@code --set key=value} for an override
 * @param line 1-based line of the key in {@code source}; 0 when unknown or not a file
 */
public record ConfigOrigin(String source, int line) {
  public ConfigOrigin {
    Objects.requireNonNull(source, "source");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0 (got " + line + ")");
    }
  }

  /** Whether the value came from a {@code --set} override rather than a file. */
  public boolean isOverride() {
    return source.startsWith(ConfigTree.OVERRIDE_PREFIX);
  }

  @Override
  public String toString() {
    return line > 0 ? source + " (line " + line + ")" : source;
  }
}
