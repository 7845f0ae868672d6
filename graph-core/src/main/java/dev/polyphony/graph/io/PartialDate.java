package dev.polyphony.graph.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A calendar date known to a day, a month or a year, as catalog release dates are ("2019-06-14",
 * "2012-01", "1999"). A less precise date is pinned to the first day of its month or year.
 */
record PartialDate(LocalDate date, Precision precision) {
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /** How much of a {@link PartialDate} is known. */
  enum Precision {
    DAY, MONTH, YEAR;

    /** The lower-case name stored in attributes: {@code day}, {@code month} or {@code year}. */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  PartialDate {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(precision, "precision");
  }

  /**
   * Parses {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}.
   *
   * @throws DateTimeException when the text has none of these forms or names no real day or month
   */
  static PartialDate parse(String text) {
    // The length check first spares a regex match per form on every row.
    if (text.length() == 10 && DAY.matcher(text).matches()) {
      return new PartialDate(LocalDate.parse(text), Precision.DAY);
    }
    if (text.length() == 7 && MONTH.matcher(text).matches()) {
      return new PartialDate(YearMonth.parse(text).atDay(1), Precision.MONTH);
    }
    if (text.length() == 4 && YEAR.matcher(text).matches()) {
      return new PartialDate(Year.parse(text).atDay(1), Precision.YEAR);
    }
    throw new DateTimeException("'" + text + "' is not yyyy-MM-dd, yyyy-MM or yyyy");
  }

  /** The date in the form it was given: {@code 2019-06-14}, {@code 2012-01} or {@code 1999}. */
  @Override
  public String toString() {
    return switch (precision) {
      case DAY -> date.toString();
      case MONTH -> YearMonth.from(date).toString();
      case YEAR -> Year.from(date).toString();
    };
  }
}
