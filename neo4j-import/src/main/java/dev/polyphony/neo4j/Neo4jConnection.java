package dev.polyphony.neo4j;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * Which Neo4j to work on: the embedded server (the default) or a remote one reached over Bolt. The
 * password of a remote server is given by its {@link PasswordSource}, never by value, so this record
 * can be printed and logged.
 *
 * @param uri Bolt URI of a remote server ({@code bolt}, {@code neo4j} and their {@code +s}/{@code +ssc}
 *     variants), or null for the embedded server
 * @param user user name of a remote server; null when embedded
 * @param password password source of a remote server; null when embedded
 * @param database database name, null for the server's default database
 * @param embedded settings of the embedded server; null for a remote one
 */
public record Neo4jConnection(URI uri, String user, PasswordSource password, String database,
    EmbeddedNeo4jConfig embedded) {
  private static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s",
      "neo4j+ssc");

  public Neo4jConnection {
    if (uri == null) {
      Objects.requireNonNull(embedded, "embedded settings are needed when no uri is given");
      if (user != null || password != null) {
        throw new IllegalArgumentException("a user and password need a Neo4j uri (got user '" + user + "')");
      }
    } else {
      if (embedded != null) {
        throw new IllegalArgumentException("give either a Neo4j uri or embedded settings, not both (got " + uri
            + ")");
      }
      if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme())) {
        throw new IllegalArgumentException("Neo4j uri must use one of " + SCHEMES + " (got '" + uri + "')");
      }
      if (uri.getUserInfo() != null) {
        throw new IllegalArgumentException("Neo4j uri must not carry credentials; give the user and a password"
            + " source instead (got a uri with user info for host " + uri.getHost() + ")");
      }
      if (user == null || user.isBlank()) {
        throw new IllegalArgumentException("a Neo4j user is needed with a uri (got '" + user + "')");
      }
      Objects.requireNonNull(password, "a password source is needed with a uri");
    }
    if (database != null && !database.matches("[A-Za-z][A-Za-z0-9.\\-]{2,62}")) {
      throw new IllegalArgumentException("database name must be 3-63 letters, digits, '.' or '-', starting"
          + " with a letter (got '" + database + "')");
    }
  }

  /** The embedded server with default settings. */
  public static Neo4jConnection embeddedDefault() {
    return embedded(EmbeddedNeo4jConfig.defaults());
  }

  public static Neo4jConnection embedded(EmbeddedNeo4jConfig config) {
    return new Neo4jConnection(null, null, null, null, config);
  }

  /** A remote server's default database. */
  public static Neo4jConnection remote(URI uri, String user, PasswordSource password) {
    return new Neo4jConnection(uri, user, password, null, null);
  }

  /** The same connection on another database (null: the server's default). */
  public Neo4jConnection withDatabase(String name) {
    return new Neo4jConnection(uri, user, password, name, embedded);
  }

  public boolean isEmbedded() {
    return uri == null;
  }

  /** A description for messages: the uri and user, or the embedded home directory. */
  public String describe() {
    return isEmbedded() ? "embedded Neo4j in " + embedded.homeDirectory() : user + " at " + uri;
  }
}
