package dev.polyphony.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared real datasets for benchmarks, which run from the benchmarks jar outside the test
 * class path: the {@code polyphony.datasets} system property when it names a folder, else the {@code
 * POLYPHONY_DATASETS} environment variable. Missing data fails with both settings named.
 */
final class BenchmarkDatasets {
  private BenchmarkDatasets() {}

  static Path spotifySongsZip() {
    return resolve("spotify-songs/spotify_songs.zip");
  }

  /** The Cora folder (cora.nodes.tsv, cora.features.tsv, cora.edges.tsv). */
  static Path cora() {
    Path dir = root().resolve("cora");
    if (!Files.isRegularFile(dir.resolve("cora.nodes.tsv"))) {
      throw new IllegalStateException("dataset " + dir + " is missing");
    }
    return dir;
  }

  private static Path resolve(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("dataset " + file + " is missing");
    }
    return file;
  }

  private static Path root() {
    String property = System.getProperty("polyphony.datasets");
    if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    String env = System.getenv("POLYPHONY_DATASETS");
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return Path.of(env);
    }
    throw new IllegalStateException("no datasets folder: -Dpolyphony.datasets=" + property
        + ", POLYPHONY_DATASETS=" + env + "; point one of them at the shared datasets folder");
  }
}
