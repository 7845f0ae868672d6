package dev.polyphony.graph.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared real datasets for tests: the {@code polyphony.datasets} system property, else the
 * {@code POLYPHONY_DATASETS} environment variable. Missing data fails the test; it is never skipped.
 */
public final class Datasets {
  private Datasets() {}

  public static Path root() {
    String location = System.getProperty("polyphony.datasets");
    if (location == null || location.isBlank()) {
      location = System.getenv("POLYPHONY_DATASETS");
    }
    if (location == null || location.isBlank()) {
      throw new IllegalStateException(
          "set -Dpolyphony.datasets or POLYPHONY_DATASETS to the shared datasets folder");
    }
    Path root = Path.of(location).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("datasets folder " + root + " does not exist");
    }
    return root;
  }

  /** A file or folder under the datasets root; fails when it does not exist. */
  public static Path resolve(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("dataset " + p + " is missing");
    }
    return p;
  }

  public static Path spotifySongsZip() {
    return resolve("spotify-songs/spotify_songs.zip");
  }

  public static Path lastfm() {
    return resolve("lastfm-hetrec-2k");
  }

  public static Path cora() {
    return resolve("cora");
  }
}
