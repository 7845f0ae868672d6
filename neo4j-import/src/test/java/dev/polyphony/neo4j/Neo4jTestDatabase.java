package dev.polyphony.neo4j;

import java.nio.file.Path;
import java.util.Map;
import org.neo4j.driver.Session;

/** Helpers for tests that share one embedded server per test class. */
final class Neo4jTestDatabase {
  private Neo4jTestDatabase() {}

  /** An embedded server in {@code home} on a free port with a small page cache. */
  static Neo4jTarget open(Path home) {
    return Neo4jTarget.open(Neo4jConnection.embedded(new EmbeddedNeo4jConfig(home, 0, 64L << 20)));
  }

  /** Removes every node and relationship (constraints and indexes stay). */
  static void wipe(Neo4jTarget target) {
    try (Session s = target.session()) {
      s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
    }
  }

  static long count(Neo4jTarget target, String cypher) {
    return count(target, cypher, Map.of());
  }

  static long count(Neo4jTarget target, String cypher, Map<String, Object> params) {
    try (Session s = target.session()) {
      return s.run(cypher, params).single().get(0).asLong();
    }
  }
}
