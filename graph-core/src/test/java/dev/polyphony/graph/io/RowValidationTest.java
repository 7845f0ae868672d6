package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidationTest {
  @ParameterizedTest
  @ValueSource(strings = {"0", "-2.634", "+1", "122.036", ".5", "5.", "1e3", "4.5E-7", "0.0583"})
  void plainDecimalsAreAccepted(String text) {
    assertThat(RowValidation.isPlainDecimal(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", ".", "e5", "1e", "1e+", "0x1p3", "1f", "1d", " 1", "1 ", "1,5", "NaN", "--1",
      "1.2.3", "\u0661"})
  void anythingElseIsNotAPlainDecimal(String text) {
    assertThat(RowValidation.isPlainDecimal(text)).isFalse();
  }

  @Test
  void keepsOnlyTheFirstProblemAndReportsItWithContext() {
    RowValidation row = new RowValidation();
    assertThat(row.finiteFloat("tempo", "120.5")).isEqualTo(120.5f);
    assertThat(row.failed()).isFalse();
    row.required("track_id", "");
    row.finiteFloat("energy", "NaN");
    assertThat(row.integer("track_popularity", "7")).isZero();
    assertThat(row.failed()).isTrue();

    RejectReport report = new RejectReport();
    row.reject(report, "f.csv", 9, "pid 3");
    assertThat(report.rejects()).containsExactly(
        new Reject("f.csv", 9, "track_id", RejectReason.MISSING_FIELD, "pid 3: empty"));

    row.reset();
    assertThat(row.failed()).isFalse();
    assertThat(row.optionalInteger("pos", null)).isNull();
    assertThat(row.longInteger("modified_at", "1493424000")).isEqualTo(1_493_424_000L);
    assertThat(row.date("release", "2012-01")).isEqualTo(
        new PartialDate(LocalDate.of(2012, 1, 1), PartialDate.Precision.MONTH));
    assertThat(row.failed()).isFalse();
  }

  @Test
  void namesTheReasonOfEachKindOfBadNumber() {
    assertThat(problem(r -> r.finiteFloat("x", "inf"))).isEqualTo("NON_FINITE_VALUE 'inf' is not finite");
    assertThat(problem(r -> r.finiteFloat("x", "-3.4e39"))).isEqualTo(
        "NON_FINITE_VALUE '-3.4e39' is beyond the float range");
    assertThat(problem(r -> r.finiteFloat("x", "1,5"))).isEqualTo(
        "UNPARSABLE_NUMBER '1,5' is not a decimal number");
    assertThat(problem(r -> r.integer("x", "3000000000"))).isEqualTo(
        "UNPARSABLE_NUMBER '3000000000' is not a 32-bit integer");
    assertThat(problem(r -> r.longInteger("x", "1.5"))).isEqualTo(
        "UNPARSABLE_NUMBER '1.5' is not a 64-bit integer");
    assertThat(problem(r -> r.date("x", "2019-6-14"))).isEqualTo(
        "INVALID_DATE '2019-6-14' is not a date in the form yyyy-MM-dd, yyyy-MM or yyyy");
  }

  private static String problem(java.util.function.Consumer<RowValidation> check) {
    RowValidation row = new RowValidation();
    check.accept(row);
    RejectReport report = new RejectReport();
    row.reject(report, "f", 1, null);
    Reject r = report.rejects().get(0);
    return r.reason() + " " + r.detail();
  }
}
