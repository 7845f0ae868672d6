package dev.polyphony.graph.io;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One data line of a delimited file, with typed accessors that reject the row when a field does not
 * hold what it should. Each accessor takes a column index and names the column in the rejection, so the
 * reject report reads {@code file:line field 'weight': UNPARSABLE_NUMBER ('12x')}. Values are not
 * trimmed: a stray space makes a number unparsable rather than silently accepted.
 */
public final class DelimitedRow {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  private final List<String> columns;
  private final long line;
  private final String[] fields;

  DelimitedRow(List<String> columns, long line, String[] fields) {
    this.columns = columns;
    this.line = line;
    this.fields = fields;
  }

  /** The 1-based line number in the file. */
  public long line() {
    return line;
  }

  public int size() {
    return fields.length;
  }

  /** The name of column {@code column}. */
  public String columnName(int column) {
    return columns.get(column);
  }

  /** The field as written, possibly empty. */
  public String raw(int column) {
    return fields[column];
  }

  public boolean isEmpty(int column) {
    return fields[column].isEmpty();
  }

  /** The field, which must be non-empty ({@link RejectReason#MISSING_FIELD} otherwise). */
  public String text(int column) throws RowRejectedException {
    String value = fields[column];
    if (value.isEmpty()) {
      throw reject(column, RejectReason.MISSING_FIELD, "empty");
    }
    return value;
  }

  /** A whole number written in ASCII digits with an optional sign. */
  public long wholeNumber(int column) throws RowRejectedException {
    String value = text(column);
    int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
    if (i == value.length()) {
      throw reject(column, RejectReason.UNPARSABLE_NUMBER, quote(value));
    }
    boolean negative = value.charAt(0) == '-';
    long result = 0;
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw notAWholeNumber(column, value);
      }
      int digit = c - '0';
      if (result > (Long.MAX_VALUE - digit) / 10) {
        throw reject(column, RejectReason.OUT_OF_RANGE, quote(value) + " does not fit in 64 bits");
      }
      result = result * 10 + digit;
    }
    return negative ? -result : result;
  }

  /** A whole number in the 32-bit range. */
  public int intNumber(int column) throws RowRejectedException {
    long value = wholeNumber(column);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw reject(column, RejectReason.OUT_OF_RANGE, value + " does not fit in 32 bits");
    }
    return (int) value;
  }

  /** A whole number that must be > 0, e.g. a count used as an edge weight. */
  public long positiveWholeNumber(int column) throws RowRejectedException {
    long value = wholeNumber(column);
    if (value <= 0) {
      throw reject(column, RejectReason.OUT_OF_RANGE, "must be > 0 (got " + value + ")");
    }
    return value;
  }

  /** A finite decimal number (NaN and infinities are {@link RejectReason#NON_FINITE_VALUE}). */
  public float finiteFloat(int column) throws RowRejectedException {
    String value = text(column);
    if (NON_FINITE.matcher(value).matches()) {
      throw reject(column, RejectReason.NON_FINITE_VALUE, quote(value));
    }
    if (!DECIMAL.matcher(value).matches()) {
      throw reject(column, RejectReason.UNPARSABLE_NUMBER, quote(value));
    }
    float result = Float.parseFloat(value);
    if (!Float.isFinite(result)) {
      throw reject(column, RejectReason.NON_FINITE_VALUE, quote(value) + " overflows a float");
    }
    return result;
  }

  /** A finite number that must be > 0, e.g. an edge weight. */
  public float positiveFloat(int column) throws RowRejectedException {
    float value = finiteFloat(column);
    if (value <= 0) {
      throw reject(column, RejectReason.OUT_OF_RANGE, "must be > 0 (got " + raw(column) + ")");
    }
    return value;
  }

  /** An ISO-8601 calendar date, {@code yyyy-MM-dd}. */
  public LocalDate isoDate(int column) throws RowRejectedException {
    String value = text(column);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw reject(column, RejectReason.INVALID_DATE, quote(value) + " is not a yyyy-MM-dd date");
    }
  }

  /**
   * The calendar date of three whole-number columns; an impossible date is rejected at the column that
   * makes it impossible (month outside 1..12, year outside 1..9999, otherwise the day).
   */
  public LocalDate date(int yearColumn, int monthColumn, int dayColumn) throws RowRejectedException {
    long day = wholeNumber(dayColumn);
    long month = wholeNumber(monthColumn);
    long year = wholeNumber(yearColumn);
    String written = raw(dayColumn) + "/" + raw(monthColumn) + "/" + raw(yearColumn) + " (d/m/y)";
    if (year < 1 || year > 9999) {
      throw reject(yearColumn, RejectReason.INVALID_DATE, written + ": year outside 1..9999");
    }
    if (month < 1 || month > 12) {
      throw reject(monthColumn, RejectReason.INVALID_DATE, written + ": month outside 1..12");
    }
    if (day < 1 || day > 31) {
      throw reject(dayColumn, RejectReason.INVALID_DATE, written + ": day outside 1..31");
    }
    try {
      return LocalDate.of((int) year, (int) month, (int) day);
    } catch (DateTimeException e) {
      throw reject(dayColumn, RejectReason.INVALID_DATE, written + " is not a calendar date");
    }
  }

  /**
   * Space-separated whole numbers in {@code 0..bound-1}, such as the indices of the non-zero features of
   * a sparse binary vector. An empty field is an empty list.
   */
  public int[] indexList(int column, int bound) throws RowRejectedException {
    String value = fields[column];
    IntArrayList indices = new IntArrayList();
    int i = 0;
    while (i < value.length()) {
      if (value.charAt(i) == ' ') {
        i++;
        continue;
      }
      int start = i;
      long index = 0;
      boolean digits = true;
      for (; i < value.length() && value.charAt(i) != ' '; i++) {
        char c = value.charAt(i);
        digits &= c >= '0' && c <= '9';
        if (digits && index < bound) {
          index = index * 10 + (c - '0');
        }
      }
      String token = value.substring(start, i);
      if (!digits) {
        throw reject(column, RejectReason.UNPARSABLE_NUMBER, quote(token) + " in the index list");
      }
      if (index >= bound) {
        throw reject(column, RejectReason.OUT_OF_RANGE, "index " + token + " outside 0.." + (bound - 1));
      }
      indices.add((int) index);
    }
    return indices.toIntArray();
  }

  /** A rejection of this row at {@code column}, for checks beyond the accessors (e.g. dangling ids). */
  public RowRejectedException reject(int column, RejectReason reason, String detail) {
    return new RowRejectedException(columns.get(column), reason, detail);
  }

  private RowRejectedException notAWholeNumber(int column, String value) {
    if (NON_FINITE.matcher(value).matches()) {
      return reject(column, RejectReason.NON_FINITE_VALUE, quote(value));
    }
    return reject(column, RejectReason.UNPARSABLE_NUMBER,
        quote(value) + (DECIMAL.matcher(value).matches() ? " is not a whole number" : ""));
  }

  static String quote(String value) {
    return "'" + value + "'";
  }
}
