package dev.polyphony.graph.io;

import java.time.DateTimeException;
import java.util.regex.Pattern;

/**
 * Checks the fields of one input row and keeps the first problem found, so that a row is judged whole
 * before any of it enters a graph. Once a problem is recorded, further checks do nothing and return
 * placeholders; callers look at {@link #failed()} before using the values. Reusable through
 * {@link #reset()}.
 */
final class RowValidation {
  private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)",
      Pattern.CASE_INSENSITIVE);

  private String field;
  private RejectReason reason;
  private String detail;

  /** Forgets the problem of the previous row. */
  void reset() {
    field = null;
    reason = null;
    detail = null;
  }

  boolean failed() {
    return reason != null;
  }

  /** Records a problem unless one is already recorded (the first problem names the row's fault). */
  void fail(String field, RejectReason reason, String detail) {
    if (this.reason == null) {
      this.field = field;
      this.reason = reason;
      this.detail = detail;
    }
  }

  /** The value, or a {@link RejectReason#MISSING_FIELD} problem when it is null or empty. */
  String required(String field, String value) {
    if (value == null || value.isEmpty()) {
      fail(field, RejectReason.MISSING_FIELD, "empty");
    }
    return value;
  }

  /** Null for an absent or empty value, else the value. */
  static String optional(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** A required 32-bit integer; 0 after a problem. */
  int integer(String field, String value) {
    Integer parsed = optionalInteger(field, required(field, value));
    return parsed == null ? 0 : parsed;
  }

  /** A 32-bit integer, or null when absent or empty. */
  Integer optionalInteger(String field, String value) {
    if (failed() || optional(value) == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      fail(field, RejectReason.UNPARSABLE_NUMBER, "'" + value + "' is not a 32-bit integer");
      return null;
    }
  }

  /** A required 64-bit integer; 0 after a problem. */
  long longInteger(String field, String value) {
    required(field, value);
    if (failed()) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      fail(field, RejectReason.UNPARSABLE_NUMBER, "'" + value + "' is not a 64-bit integer");
      return 0;
    }
  }

  /**
   * A required decimal number that is finite as a float. NaN and infinities, spelled as Java, R or
   * Python print them, and values beyond the float range are {@link RejectReason#NON_FINITE_VALUE};
   * anything else that is not a plain decimal is {@link RejectReason#UNPARSABLE_NUMBER}.
   */
  float finiteFloat(String field, String value) {
    required(field, value);
    if (failed()) {
      return 0f;
    }
    if (!isPlainDecimal(value)) {
      if (NON_FINITE.matcher(value).matches()) {
        fail(field, RejectReason.NON_FINITE_VALUE, "'" + value + "' is not finite");
      } else {
        fail(field, RejectReason.UNPARSABLE_NUMBER, "'" + value + "' is not a decimal number");
      }
      return 0f;
    }
    float parsed = Float.parseFloat(value);
    if (!Float.isFinite(parsed)) {
      fail(field, RejectReason.NON_FINITE_VALUE, "'" + value + "' is beyond the float range");
      return 0f;
    }
    return parsed;
  }

  /**
   * True for {@code [+-]digits[.digits][(e|E)[+-]digits]} with at least one mantissa digit (ASCII digits
   * only). Scanned by hand because this runs for every feature of every row.
   */
  static boolean isPlainDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int start = i;
    i = skipDigits(s, i);
    int mantissaDigits = i - start;
    if (i < n && s.charAt(i) == '.') {
      int fractionStart = ++i;
      i = skipDigits(s, i);
      mantissaDigits += i - fractionStart;
    }
    if (mantissaDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponentStart = i;
      i = skipDigits(s, i);
      if (i == exponentStart) {
        return false;
      }
    }
    return i == n;
  }

  private static int skipDigits(String s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** A required release date ({@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}); null after a problem. */
  PartialDate date(String field, String value) {
    required(field, value);
    if (failed()) {
      return null;
    }
    try {
      return PartialDate.parse(value);
    } catch (DateTimeException e) {
      fail(field, RejectReason.INVALID_DATE, "'" + value + "' is not a date in the form yyyy-MM-dd, yyyy-MM or yyyy");
      return null;
    }
  }

  /** Reports the recorded problem; {@code context} (may be null) prefixes the detail, e.g. a record's key. */
  void reject(RejectReport report, String file, long line, String context) {
    if (!failed()) {
      throw new IllegalStateException("the row has no problem to report");
    }
    report.reject(file, line, field, reason, context == null ? detail : context + ": " + detail);
  }
}
