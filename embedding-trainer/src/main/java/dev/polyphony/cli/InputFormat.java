package dev.polyphony.cli;

import dev.polyphony.graph.io.GenericReader;
import dev.polyphony.graph.io.GraphReader;
import dev.polyphony.graph.io.LastfmHetrecReader;
import dev.polyphony.graph.io.MpdReader;
import dev.polyphony.graph.io.SpotifySongsReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The input formats {@code polyphony ingest} reads, by command-line name, each with the reader that
 * handles it. This is the one place that knows the reader classes.
 */
public enum InputFormat {
  SPOTIFY_SONGS("spotify-songs", "Spotify songs table (CSV, or a ZIP holding it)", false,
      schema -> new SpotifySongsReader()),
  MPD("mpd", "Million Playlist Dataset JSON slices", false,
      schema -> new MpdReader()),
  LASTFM_HETREC("lastfm-hetrec", "HetRec 2011 Last.fm 2K folder", false,
      schema -> new LastfmHetrecReader()),
  GENERIC("generic", "CSV/TSV files described by --schema; --input is their base folder", true,
      GenericReader::new);

  private final String cliName;
  private final String description;
  private final boolean needsSchema;
  private final ReaderFactory reader;

  InputFormat(String cliName, String description, boolean needsSchema, ReaderFactory reader) {
    this.cliName = cliName;
    this.description = description;
    this.needsSchema = needsSchema;
    this.reader = reader;
  }

  public String cliName() {
    return cliName;
  }

  String description() {
    return description;
  }

  /** True when the format is read according to a schema file. */
  boolean needsSchema() {
    return needsSchema;
  }

  /**
   * A reader of this format; {@code schemaFile} is used only by formats that {@link #needsSchema()}.
   *
   * @throws IOException when the schema file cannot be read
   */
  public GraphReader reader(Path schemaFile) throws IOException {
    return reader.create(schemaFile);
  }

  /** Makes the reader of a format, loading its schema file where the format has one. */
  @FunctionalInterface
  private interface ReaderFactory {
    GraphReader create(Path schemaFile) throws IOException;
  }

  /** The format with this command-line name; the error lists the known names. */
  public static InputFormat parse(String name) {
    for (InputFormat f : values()) {
      if (f.cliName.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "' (expected one of: " + names() + ")");
  }

  /** Lines for the usage help: each format's name and what it reads. */
  static String[] helpFooter() {
    int width = Arrays.stream(values()).mapToInt(f -> f.cliName.length()).max().orElse(0);
    String[] lines = new String[values().length + 1];
    lines[0] = "Formats:";
    for (InputFormat f : values()) {
      lines[f.ordinal() + 1] = "  " + f.cliName + " ".repeat(width - f.cliName.length() + 2) + f.description;
    }
    return lines;
  }

  static String names() {
    return String.join(", ", new Names());
  }

  /** Converts option values for picocli. */
  static final class Converter implements ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The command-line names, for help and shell completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(InputFormat::cliName).iterator();
    }
  }
}
