package dev.polyphony.neo4j;

/** Neo4j cannot be started, reached or logged in to; the message names the server and the cause. */
public final class Neo4jConnectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Neo4jConnectionException(String message) {
    super(message);
  }

  public Neo4jConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
