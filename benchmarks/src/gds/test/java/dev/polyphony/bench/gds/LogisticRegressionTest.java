package dev.polyphony.bench.gds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  @Test
  void separatesThreeClustersAndPredictsUnseenPoints() {
    // Two features; class 0 near (0,0), class 1 near (4,0), class 2 near (0,4). Rows 0-5 train, 6-8 test.
    float[] x = {0, 0, 0.5f, 0.2f, 4, 0, 4.3f, 0.1f, 0, 4, 0.2f, 4.4f, 0.1f, -0.3f, 3.8f, 0.4f, -0.2f, 3.7f};
    int[] labels = {0, 0, 1, 1, 2, 2, 0, 1, 2};
    LogisticRegression model = LogisticRegression.fit(x, 2, labels, 3, new int[] {0, 1, 2, 3, 4, 5},
        LogisticRegression.Config.defaults());
    assertThat(model.predict(x, 6)).isZero();
    assertThat(model.predict(x, 7)).isEqualTo(1);
    assertThat(model.predict(x, 8)).isEqualTo(2);
    assertThat(model.accuracy(x, labels, new int[] {6, 7, 8})).isEqualTo(1.0);
  }

  @Test
  void rejectsALabelOutsideTheClasses() {
    assertThatThrownBy(() -> LogisticRegression.fit(new float[] {1, 2}, 1, new int[] {0, 5}, 2, new int[] {0, 1},
        LogisticRegression.Config.defaults())).hasMessageContaining("label of row 1 must be in [0, 2) (got 5)");
  }

  @Test
  void rejectsNonPositiveIterations() {
    assertThatThrownBy(() -> new LogisticRegression.Config(0, 0.1, 0))
        .hasMessage("iterations must be > 0 (got 0)");
  }
}
