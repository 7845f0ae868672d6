package dev.polyphony.graph.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared real datasets for tests: the {@code polyphony.datasets} system property when it
 * names an existing folder (the build sets it to {@code ../shared/datasets} beside the project), else the
 * {@code POLYPHONY_DATASETS} environment variable. Missing data fails the test; it is never skipped.
 */
public final class Datasets {
  private Datasets() {}

  public static Path root() {
    String property = System.getProperty("polyphony.datasets");
    if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    String env = System.getenv("POLYPHONY_DATASETS");
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    throw new IllegalStateException("no datasets folder: -Dpolyphony.datasets=" + property
        + ", POLYPHONY_DATASETS=" + env + "; point one of them at the shared datasets folder");
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
