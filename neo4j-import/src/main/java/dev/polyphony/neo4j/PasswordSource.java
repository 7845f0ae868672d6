package dev.polyphony.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the password of a remote Neo4j comes from: an environment variable or a file. Never a
 * command-line argument, since those show up in process listings and shell history. Only the source is
 * ever printed ({@link #toString()}); the password itself is read when the connection opens and passed
 * straight to the driver.
 */
public sealed interface PasswordSource {
  /** Reads the password; throws {@link Neo4jConnectionException} naming the source when it is missing. */
  String read();

  /** The password in environment variable {@code name}. */
  static PasswordSource environment(String name) {
    return new Environment(name, System::getenv);
  }

  /** The password in a file: its content without a trailing line break. */
  static PasswordSource file(Path file) {
    return new File(file);
  }

  /**
   * A password from an environment variable.
   *
   * @param name variable name
   * @param environment variable lookup (the process environment outside tests)
   */
  record Environment(String name, UnaryOperator<String> environment) implements PasswordSource {
    public Environment {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("password environment variable name must be non-blank (got '"
            + name + "')");
      }
      Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String read() {
      String value = environment.apply(name);
      if (value == null || value.isEmpty()) {
        throw new Neo4jConnectionException("the Neo4j password variable " + name + " is not set");
      }
      return value;
    }

    @Override
    public String toString() {
      return "environment variable " + name;
    }
  }

  /** A password stored in a file, e.g. a mounted secret. */
  record File(Path path) implements PasswordSource {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String read() {
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new Neo4jConnectionException("cannot read the Neo4j password file " + path + ": "
            + e.getClass().getSimpleName(), e);
      }
      String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
          : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      if (password.isEmpty()) {
        throw new Neo4jConnectionException("the Neo4j password file " + path + " is empty");
      }
      return password;
    }

    @Override
    public String toString() {
      return "file " + path;
    }
  }
}
