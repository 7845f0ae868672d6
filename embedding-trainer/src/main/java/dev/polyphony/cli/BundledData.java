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
}
