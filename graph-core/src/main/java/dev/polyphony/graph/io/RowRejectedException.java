package dev.polyphony.graph.io;

import java.util.Objects;

/**
 * Signals that the row being handled is rejected; {@link DelimitedFileReader#forEachRow} records it in the
 * {@link RejectReport} with the file and line and moves on to the next row. Carries no stack trace: it is
 * an expected outcome, not a fault.
 */
public final class RowRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final RejectReason reason;
  private final String detail;

  public RowRejectedException(String field, RejectReason reason, String detail) {
    super(field + ": " + reason + " (" + detail + ")", null, false, false);
    this.field = Objects.requireNonNull(field, "field");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = detail;
  }

  public String field() {
    return field;
  }

  public RejectReason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }
}
