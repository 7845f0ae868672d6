package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {
  @Test
  void parsesDaysMonthsAndYearsAndPrintsThemBackAsGiven() {
    PartialDate day = PartialDate.parse("2019-06-14");
    PartialDate month = PartialDate.parse("2012-01");
    PartialDate year = PartialDate.parse("1999");

    assertThat(day).isEqualTo(new PartialDate(LocalDate.of(2019, 6, 14), PartialDate.Precision.DAY));
    assertThat(month).isEqualTo(new PartialDate(LocalDate.of(2012, 1, 1), PartialDate.Precision.MONTH));
    assertThat(year).isEqualTo(new PartialDate(LocalDate.of(1999, 1, 1), PartialDate.Precision.YEAR));
    assertThat(year.precision().label()).isEqualTo("year");
    assertThat(day + " " + month + " " + year).isEqualTo("2019-06-14 2012-01 1999");
    // Same day, different precision: not the same release date.
    assertThat(PartialDate.parse("1999-01-01")).isNotEqualTo(year);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "19", "99-01-01", "2019-02-29", "2019-13", "2019-00-10", "2019/06/14",
      "2019-06-14T00:00", " 1999", "NA"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(DateTimeException.class);
  }
}
