package dev.polyphony.cli;

import dev.polyphony.graph.io.IngestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the data shipped with the project: under the project root given by the launcher
 * ({@code -Dpolyphony.home}), else in the current directory or one of its parents.
 */
final class BundledData {
  static final String SPOTIFY_SONGS = "data/spotify-songs/spotify_songs.zip";
  /** Folder of the HetRec Last.fm 2K data under the datasets folder. */
  static final String LASTFM = "lastfm-hetrec-2k";

  private BundledData() {}

  static Path spotifySongs() {
    List<Path> looked = new ArrayList<>();
    String home = System.getProperty("polyphony.home");
    if (home != null && !home.isBlank()) {
      Path p = Path.of(home).resolve(SPOTIFY_SONGS);
      if (Files.isRegularFile(p)) {
        return p;
      }
      looked.add(p);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(SPOTIFY_SONGS);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    looked.add(Path.of("").toAbsolutePath().resolve(SPOTIFY_SONGS));
    throw new IngestException("the bundled Spotify songs data was not found (looked for " + looked
        + " and in parent folders); pass --data FILE");
  }

  /**
   * The Last.fm HetRec folder: {@code given} when not null (it must be a folder; {@code option} names it in
   * the error), else {@code $POLYPHONY_DATASETS/lastfm-hetrec-2k}, else {@code ../shared/datasets/lastfm-hetrec-2k}
   * beside the project.
   */
  static Path lastfm(Path given, String option) {
    if (given != null) {
      if (!Files.isDirectory(given)) {
        throw new IngestException(option + " " + given + " is not a folder");
      }
      return given;
    }
    List<Path> looked = new ArrayList<>();
    String env = System.getenv("POLYPHONY_DATASETS");
    if (env != null && !env.isBlank()) {
      looked.add(Path.of(env).resolve(LASTFM));
    }
    String home = System.getProperty("polyphony.home");
    Path root = home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
    looked.add(root.resolve("../shared/datasets").resolve(LASTFM).normalize());
    for (Path p : looked) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IngestException("the Last.fm HetRec folder was not found (looked in " + looked + "); pass " + option
        + " DIR");
  }
}
