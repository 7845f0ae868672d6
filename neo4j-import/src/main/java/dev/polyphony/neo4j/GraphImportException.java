package dev.polyphony.neo4j;

/**
 * An import stopped before it finished. Everything committed so far stays and is recorded in the import
 * ledger: running the same import again resumes from there.
 */
public final class GraphImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GraphImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
