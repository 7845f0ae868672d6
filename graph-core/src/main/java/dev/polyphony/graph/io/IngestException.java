package dev.polyphony.graph.io;

/** Input that cannot be ingested: a missing file, a wrong header, too many rejected rows. */
public class IngestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
