package dev.polyphony.neo4j;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the in-process Neo4j started when no {@code --neo4j-uri} is given.
 *
 * @param homeDirectory Neo4j's home: the store goes to {@code data/}, its logs to {@code logs/}; relative
 *     paths are taken from the working directory
 * @param boltPort Bolt port on 127.0.0.1; 0 picks a free port
 * @param pageCacheBytes page cache size in bytes, >= 8 MiB
 */
public record EmbeddedNeo4jConfig(Path homeDirectory, int boltPort, long pageCacheBytes) {
  /** Home directory used when none is given: {@code polyphony-neo4j} under the working directory. */
  public static final Path DEFAULT_HOME = Path.of("polyphony-neo4j");
  /** Default page cache: 512 MiB, enough to keep a catalog of a few million edges in memory. */
  public static final long DEFAULT_PAGE_CACHE_BYTES = 512L << 20;

  public EmbeddedNeo4jConfig {
    Objects.requireNonNull(homeDirectory, "homeDirectory");
    if (boltPort < 0 || boltPort > 65_535) {
      throw new IllegalArgumentException("boltPort must be in [0, 65535] (got " + boltPort + ")");
    }
    if (pageCacheBytes < 8L << 20) {
      throw new IllegalArgumentException("pageCacheBytes must be >= 8 MiB (got " + pageCacheBytes + ")");
    }
  }

  /** The default home, a free port and the default page cache. */
  public static EmbeddedNeo4jConfig defaults() {
    return in(DEFAULT_HOME);
  }

  /** A free port and the default page cache, with Neo4j's home at {@code homeDirectory}. */
  public static EmbeddedNeo4jConfig in(Path homeDirectory) {
    return new EmbeddedNeo4jConfig(homeDirectory, 0, DEFAULT_PAGE_CACHE_BYTES);
  }
}
