package dev.polyphony.graph.io;

/** Ingestion stopped because more rows were rejected than the configured limit allows. */
public final class TooManyRejectsException extends IngestException {
  private static final long serialVersionUID = 1L;

  public TooManyRejectsException(long limit, Reject last) {
    super("more than " + limit + " rejected rows; last: " + last
        + " (raise --max-rejects or fix the input)");
  }
}
