package dev.polyphony.graph.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The layout of a delimited text file with one record per line.
 *
 * @param delimiter the field separator, e.g. tab or comma
 * @param quoted whether fields may be wrapped in double quotes (RFC 4180 style: a quoted field may hold
 *     the delimiter, and {@code ""} stands for one quote); a quoted field cannot span lines
 * @param commentPrefix lines starting with this prefix are skipped, or null for no comments
 * @param charset the file's encoding; malformed bytes fail the read instead of being replaced
 */
public record DelimitedFormat(char delimiter, boolean quoted, String commentPrefix, Charset charset) {
  public DelimitedFormat {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter must not be a quote or a line break (got '"
          + printable(delimiter) + "')");
    }
    if (commentPrefix != null && commentPrefix.isEmpty()) {
      throw new IllegalArgumentException("comment prefix must be non-empty or null (got '')");
    }
    Objects.requireNonNull(charset, "charset");
  }

  /** Tab-separated, unquoted, no comments. */
  public static DelimitedFormat tsv(Charset charset) {
    return new DelimitedFormat('\t', false, null, charset);
  }

  /** Comma-separated with optional double quotes, UTF-8, no comments. */
  public static DelimitedFormat csv() {
    return new DelimitedFormat(',', true, null, StandardCharsets.UTF_8);
  }

  public DelimitedFormat withCommentPrefix(String prefix) {
    return new DelimitedFormat(delimiter, quoted, prefix, charset);
  }

  private static String printable(char c) {
    return c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c);
  }
}
