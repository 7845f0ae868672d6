package dev.polyphony.neo4j;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * An open Neo4j to work on: a driver connected over Bolt and, for the embedded default, the server it
 * talks to. Opening checks connectivity and credentials, so a wrong password or an unreachable host
 * fails here with a message that names the server (never the password). Closing closes the driver and
 * then stops the embedded server.
 */
public final class Neo4jTarget implements AutoCloseable {
  private final Neo4jConnection connection;
  private final EmbeddedNeo4j server;
  private final Driver driver;
  private final URI uri;

  private Neo4jTarget(Neo4jConnection connection, EmbeddedNeo4j server, Driver driver, URI uri) {
    this.connection = connection;
    this.server = server;
    this.driver = driver;
    this.uri = uri;
  }

  /**
   * Starts the embedded server when asked for, connects and verifies the connection.
   *
   * @throws Neo4jConnectionException when the server cannot be started, reached or logged in to
   */
  public static Neo4jTarget open(Neo4jConnection connection) {
    Objects.requireNonNull(connection, "connection");
    EmbeddedNeo4j server = connection.isEmbedded() ? EmbeddedNeo4j.start(connection.embedded()) : null;
    URI uri = server != null ? server.boltUri() : connection.uri();
    AuthToken auth = server != null ? AuthTokens.none()
        : AuthTokens.basic(connection.user(), connection.password().read());
    Driver driver = null;
    try {
      driver = GraphDatabase.driver(uri, auth, Config.builder()
          .withLogging(Logging.none())
          .withConnectionTimeout(15, TimeUnit.SECONDS)
          .withMaxTransactionRetryTime(60, TimeUnit.SECONDS)
          .withUserAgent("polyphony")
          .build());
      driver.verifyConnectivity();
      Neo4jTarget target = new Neo4jTarget(connection, server, driver, uri);
      target.checkDatabase();
      return target;
    } catch (RuntimeException e) {
      if (driver != null) {
        driver.close();
      }
      if (server != null) {
        server.close();
      }
      throw translate(connection, uri, e);
    }
  }

  /** The Bolt driver; sessions should use {@link #sessionConfig()} to reach the chosen database. */
  public Driver driver() {
    return driver;
  }

  /** Session settings for the chosen database. */
  public SessionConfig sessionConfig() {
    return connection.database() == null ? SessionConfig.defaultConfig()
        : SessionConfig.forDatabase(connection.database());
  }

  /** A new session on the chosen database; close it after use. */
  public Session session() {
    return driver.session(sessionConfig());
  }

  /** The Bolt address in use (the embedded server's loopback address when embedded). */
  public URI uri() {
    return uri;
  }

  public Neo4jConnection connection() {
    return connection;
  }

  public boolean isEmbedded() {
    return server != null;
  }

  /** A description for messages, without secrets. */
  public String describe() {
    return server != null ? "embedded Neo4j at " + uri + " (home " + server.config().homeDirectory() + ")"
        : connection.describe();
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private void checkDatabase() {
    try (Session session = session()) {
      session.run("RETURN 1").consume();
    }
  }

  private static Neo4jConnectionException translate(Neo4jConnection connection, URI uri, RuntimeException e) {
    if (e instanceof Neo4jConnectionException n) {
      return n;
    }
    String who = connection.isEmbedded() ? "the embedded Neo4j at " + uri : "Neo4j at " + uri;
    if (e instanceof AuthenticationException) {
      return new Neo4jConnectionException(who + " rejected the credentials of user '" + connection.user()
          + "' (password from " + connection.password() + ")", e);
    }
    if (e instanceof ServiceUnavailableException) {
      return new Neo4jConnectionException("cannot reach " + who + ": " + e.getMessage(), e);
    }
    if (e instanceof SecurityException) {
      return new Neo4jConnectionException("cannot open a secure connection to " + who + ": " + e.getMessage(), e);
    }
    if (e instanceof ClientException && connection.database() != null) {
      return new Neo4jConnectionException(who + " refused database '" + connection.database() + "': "
          + e.getMessage(), e);
    }
    return new Neo4jConnectionException("cannot connect to " + who + ": " + e.getMessage(), e);
  }
}
