package dev.polyphony.neo4j.cli;

import dev.polyphony.neo4j.EmbeddedNeo4jConfig;
import dev.polyphony.neo4j.Neo4jConnection;
import dev.polyphony.neo4j.PasswordSource;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that choose a Neo4j: the embedded server (default) or a remote one. A remote password is
 * read from an environment variable or a file, never taken as an argument.
 */
final class ConnectionOptions {
  static final String DEFAULT_PASSWORD_VARIABLE = "NEO4J_PASSWORD";

  @Option(names = "--neo4j-uri", paramLabel = "URI",
      description = "Bolt URI of a Neo4j server (bolt://, neo4j://, +s, +ssc). Without it an embedded Neo4j "
          + "runs in this process.")
  URI uri;

  @Option(names = "--neo4j-user", paramLabel = "NAME", defaultValue = "neo4j",
      description = "User of the Neo4j server (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--neo4j-password-env", paramLabel = "VARIABLE",
      description = "Environment variable holding the password (default: " + DEFAULT_PASSWORD_VARIABLE + ").")
  String passwordVariable;

  @Option(names = "--neo4j-password-file", paramLabel = "FILE",
      description = "File holding the password (one trailing line break is dropped).")
  Path passwordFile;

  @Option(names = "--neo4j-database", paramLabel = "NAME",
      description = "Database to use (default: the server's default database).")
  String database;

  @Option(names = "--neo4j-home", paramLabel = "DIR",
      description = "Home of the embedded Neo4j; its store is kept there between runs (default: "
          + "./polyphony-neo4j).")
  Path home;

  /** The chosen connection; options that do not fit together are a usage error of {@code spec}'s command. */
  Neo4jConnection connection(CommandSpec spec) {
    try {
      return connection();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private Neo4jConnection connection() {
    if (uri == null) {
      if (passwordVariable != null || passwordFile != null) {
        throw new IllegalArgumentException("a password option needs --neo4j-uri (the embedded Neo4j has no "
            + "password)");
      }
      if (database != null) {
        throw new IllegalArgumentException("--neo4j-database needs --neo4j-uri (the embedded Neo4j has one "
            + "database)");
      }
      return Neo4jConnection.embedded(EmbeddedNeo4jConfig.in(home == null ? EmbeddedNeo4jConfig.DEFAULT_HOME
          : home));
    }
    if (home != null) {
      throw new IllegalArgumentException("--neo4j-home is for the embedded Neo4j; it cannot go with --neo4j-uri");
    }
    if (passwordVariable != null && passwordFile != null) {
      throw new IllegalArgumentException("give the password in an environment variable or a file, not both");
    }
    PasswordSource password = passwordFile != null ? PasswordSource.file(passwordFile)
        : PasswordSource.environment(passwordVariable != null ? passwordVariable : DEFAULT_PASSWORD_VARIABLE);
    return Neo4jConnection.remote(uri, user, password).withDatabase(database);
  }
}
