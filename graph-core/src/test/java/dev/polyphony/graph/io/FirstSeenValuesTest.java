package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.NodeType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstSeenValuesTest {
  private final FirstSeenValues values = new FirstSeenValues(NodeType.of("track"),
      List.of("name", "popularity", "tempo"));

  @Test
  void equalValuesPassAndTheFirstDifferenceIsTheConflict() {
    values.record(0, "Toxic", 80, 143.0f);
    values.record(1, null, 10, 90.0f);

    RowValidation row = new RowValidation();
    values.check(0, "t0", new Object[] {"Toxic", 80, 143.0f}, row);
    values.check(1, "t1", new Object[] {null, 10, 90.0f}, row);
    assertThat(row.failed()).isFalse();

    values.check(0, "t0", new Object[] {"Toxic", 81, 144.0f}, row);
    RejectReport report = new RejectReport();
    row.reject(report, "f.csv", 4, null);
    assertThat(report.rejects()).containsExactly(new Reject("f.csv", 4, "popularity",
        RejectReason.CONFLICTING_DUPLICATE_NODE, "track 't0' was first seen with popularity '80', here '81'"));

    row.reset();
    values.check(1, "t1", new Object[] {"Named", 10, 90.0f}, row);
    report = new RejectReport();
    row.reject(report, "f.csv", 5, null);
    assertThat(report.rejects().get(0).detail()).isEqualTo("track 't1' was first seen with name (none), here 'Named'");
  }

  @Test
  void nodesMustBeRecordedInDenseOrderWithEveryValue() {
    assertThatThrownBy(() -> values.record(1, "x", 1, 1f)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> values.record(0, "x", 1)).hasMessageContaining("expected 3 values");
  }
}
